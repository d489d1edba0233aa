using System.Text.Json;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using SopBot.Bot.Cards;
using SopBot.Bot.Briefs;
using SopBot.Bot.CheckIn;
using SopBot.Bot.Commands;
using SopBot.Bot.Hosting;
using SopBot.Bot.Knowledge;
using SopBot.Bot.Localization;
using SopBot.Domain;
using SopBot.Domain.CheckIns;

namespace SopBot.Bot.Teams;

/// <summary>
/// Routes Teams activities to the capabilities: typed commands, Adaptive Card actions
/// (Action.Execute) and installation events. Holds no state between turns.
/// </summary>
public sealed class SopBotActivityHandler(
    CheckInService checkIns,
    KnowledgeResponder knowledge,
    BriefResponder briefs,
    CheckInCards checkInCards,
    CommonCards commonCards,
    Localizer strings,
    IIdempotencyStore claims,
    IOptions<BotOptions> botOptions,
    ILogger<SopBotActivityHandler> logger) : TeamsActivityHandler
{
    private const string WelcomeScope = "welcome";
    private const string MessageScope = "message";

    public override Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var problem = ActivityValidation.Problem(activity);
        if (problem is not null)
        {
            logger.MalformedActivity(ActivityValidation.ForLog(activity.Type), ActivityValidation.ForLog(activity.Id), problem);
            return Task.CompletedTask;
        }

        logger.ActivityReceived(activity.Type, activity.Id, activity.Conversation?.Id, activity.From?.AadObjectId);
        return base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (!await IsFirstDeliveryAsync(activity, cancellationToken))
        {
            logger.DuplicateActivity(activity.Id, activity.Conversation?.Id);
            return;
        }

        var language = TurnIdentity.LanguageOf(turnContext);
        var text = activity.RemoveRecipientMention()?.Trim();

        if (string.IsNullOrEmpty(text) && activity.Value is not null)
        {
            // Action.Submit from a client without Universal Actions: our cards only use Action.Execute.
            logger.CardActionRejected(null, activity.Id, activity.From?.AadObjectId, "message with card data but no verb");
            await SendAsync(turnContext, commonCards.Message(language, strings.Get(language, "problem.title"), strings.Get(language, "card.unknownAction"), true, true), cancellationToken);
            return;
        }

        var parsed = TextCommands.ParseWithArgument(text);
        logger.TextCommand(parsed.Command.ToString(), activity.From?.AadObjectId);
        var caller = CallerOf(activity);
        var card = parsed.Command switch
        {
            TextCommand.CheckIn => await CheckInCardAsync(caller, language, start: true, cancellationToken),
            TextCommand.Status => await CheckInCardAsync(caller, language, start: false, cancellationToken),
            TextCommand.Help => commonCards.Help(language),
            TextCommand.TalkingPoints => knowledge.TalkingPoints(language),
            TextCommand.Brief => await briefs.BriefAsync(caller, parsed.Argument, language, cancellationToken),
            _ => AnswerQuestion(text ?? string.Empty, language),
        };
        await SendAsync(turnContext, card, cancellationToken);
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var language = TurnIdentity.LanguageOf(turnContext);
        var caller = CallerOf(activity);
        var verb = invokeValue.Action?.Verb;

        switch (verb)
        {
            case "checkin.start":
                return CardReplies.Replace(await CheckInCardAsync(caller, language, start: true, cancellationToken));
            case "checkin.status":
                return CardReplies.Replace(await CheckInCardAsync(caller, language, start: false, cancellationToken));
            case "help.show":
                return CardReplies.Replace(commonCards.Help(language));
            case BriefResponder.PageVerb:
                return CardReplies.Replace(await briefs.PageAsync(caller, invokeValue.Action?.Data, language, cancellationToken));
        }

        if (verb is not null && KnowledgeResponder.Verbs.Contains(verb))
        {
            return CardReplies.Replace(await knowledge.HandleAsync(verb, invokeValue.Action?.Data, caller, language, cancellationToken));
        }

        if (verb is null || !CheckInSubmission.Verbs.TryGetValue(verb, out var action))
        {
            logger.CardActionRejected(Shorten(verb), activity.Id, caller?.AadObjectId, "unknown verb");
            return CardReplies.Replace(commonCards.Message(language, strings.Get(language, "problem.title"), strings.Get(language, "card.unknownAction"), true, true));
        }

        CheckInRequest? request = null;
        var detail = CardDataReader.TryGetJson(invokeValue.Action!.Data, out var data)
            ? CheckInSubmission.TryParse(action, data, out request, out var reason) ? null : reason
            : "the data is missing or not valid JSON";
        if (detail is not null)
        {
            logger.CardActionRejected(verb, activity.Id, caller?.AadObjectId, detail);
            return CardReplies.Replace(commonCards.Message(
                language, strings.Get(language, "problem.title"), strings.Format(language, "card.invalidData", ("detail", detail)), true, true));
        }

        if (caller is null)
        {
            logger.CheckInRejected(null, nameof(CheckInProblem.NotOnRoster));
            return CardReplies.Replace(checkInCards.Rejected(CheckInProblem.NotOnRoster, language));
        }

        var screen = await checkIns.HandleAsync(caller, request!, cancellationToken);
        LogScreen(verb, caller, screen);
        return CardReplies.Replace(checkInCards.Render(screen, language));
    }

    protected override async Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        await WelcomeOnceAsync(turnContext, cancellationToken);

    protected override async Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var conversationId = turnContext.Activity.Conversation?.Id;
        if (!string.IsNullOrEmpty(conversationId))
        {
            await claims.ReleaseAsync(WelcomeScope, conversationId, cancellationToken);
        }
    }

    protected override async Task OnMembersAddedAsync(
        IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (membersAdded.Any(member => member.Id == turnContext.Activity.Recipient?.Id))
        {
            await WelcomeOnceAsync(turnContext, cancellationToken);
        }
    }

    protected override Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        logger.UnknownActivityType(Shorten(turnContext.Activity.Type), turnContext.Activity.Id);
        return Task.CompletedTask;
    }

    /// <summary>Teams sends both installationUpdate and conversationUpdate on install; the claim lets one welcome through.</summary>
    private async Task WelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var conversationId = turnContext.Activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId) || !await claims.TryClaimAsync(WelcomeScope, conversationId, cancellationToken))
        {
            return;
        }

        await SendAsync(turnContext, commonCards.Welcome(TurnIdentity.LanguageOf(turnContext)), cancellationToken);
    }

    /// <summary>
    /// Teams redelivers a message it got no timely answer for; the claim on conversation and
    /// activity id makes sure that only one delivery is answered, on whichever instance.
    /// </summary>
    private async Task<bool> IsFirstDeliveryAsync(IActivity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(activity.Id) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return true;
        }

        var key = activity.Conversation.Id + "|" + activity.Id;
        return key.Length > 400 || await claims.TryClaimAsync(MessageScope, key, cancellationToken);
    }

    private string AnswerQuestion(string question, Language language)
    {
        logger.QuestionText(question);
        return knowledge.Answer(question, language);
    }

    private async Task<string> CheckInCardAsync(Caller? caller, Language language, bool start, CancellationToken cancellationToken)
    {
        if (caller is null)
        {
            logger.CheckInRejected(null, nameof(CheckInProblem.NotOnRoster));
            return checkInCards.Rejected(CheckInProblem.NotOnRoster, language);
        }

        var screen = start
            ? await checkIns.StartAsync(caller, cancellationToken)
            : await checkIns.SummaryAsync(caller, cancellationToken);
        LogScreen(start ? "start" : "status", caller, screen);
        return checkInCards.Render(screen, language);
    }

    private void LogScreen(string verb, Caller caller, CheckInScreen screen)
    {
        if (screen is CheckInScreen.Rejected rejected)
        {
            logger.CheckInRejected(caller.AadObjectId, rejected.Problem.ToString());
            return;
        }

        var context = screen switch
        {
            CheckInScreen.ElementCard card => card.Context,
            CheckInScreen.Summary summary => summary.Context,
            CheckInScreen.Paused paused => paused.Context,
            _ => null,
        };
        var outcome = screen switch
        {
            CheckInScreen.ElementCard { Notice: CheckInNotice.AnsweredByOther } card => $"conflict on element {card.Element.Number}",
            CheckInScreen.ElementCard { Problem: { } problem } card => $"element {card.Element.Number} rejected: {problem}",
            CheckInScreen.ElementCard card => $"showing element {card.Element.Number}",
            CheckInScreen.Summary => "showing summary",
            CheckInScreen.Paused paused => $"paused at element {paused.Position}",
            _ => screen.GetType().Name,
        };
        logger.CheckInStep(verb, caller.AadObjectId, context?.Country.Iso3, context?.Quarter.ToString(), outcome);
    }

    private Caller? CallerOf(IActivity activity) =>
        TurnIdentity.CallerOf(activity, allowChannelUserId: botOptions.Value.IsAnonymous);

    private static Task SendAsync(ITurnContext turnContext, string cardJson, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(CardReplies.Message(cardJson), cancellationToken);

    private static string? Shorten(string? text) => text is null || text.Length <= 60 ? text : text[..60];
}
