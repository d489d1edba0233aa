using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using SopBot.Bot.Briefs;
using SopBot.Bot.Cards;
using SopBot.Bot.CheckIn;
using SopBot.Bot.Commands;
using SopBot.Bot.Knowledge;
using SopBot.Bot.Localization;
using SopBot.Bot.Roster;
using SopBot.Bot.TeamLinks;
using SopBot.Domain;
using SopBot.Domain.CheckIns;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Teams;

/// <summary>The capabilities the activity handler routes to, one per folder.</summary>
public sealed record SopBotResponders(
    KnowledgeResponder Knowledge,
    BriefResponder Briefs,
    RosterResponder Roster,
    RosterImportResponder Imports,
    RosterExportResponder Exports,
    TeamLinkResponder TeamLinks);

/// <summary>
/// Routes Teams activities to the capabilities: typed commands, Adaptive Card actions
/// (Action.Execute) and installation events. Holds no state between turns. Every turn first
/// checks the sender's tenant: an activity from a tenant that is not allowed gets a short
/// message and nothing else, before anything is read or written.
/// </summary>
public sealed class SopBotActivityHandler(
    CheckInService checkIns,
    SopBotResponders responders,
    CheckInCards checkInCards,
    CommonCards commonCards,
    AccessMessages access,
    TeamsAuthorization authorization,
    Localizer strings,
    IIdempotencyStore claims,
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
        var language = TurnIdentity.LanguageOf(turnContext);
        var caller = authorization.CallerOf(activity);
        if (!authorization.IdentifyWithoutRoster(caller).IsTenantAllowed)
        {
            logger.TenantRejected(activity.Type, activity.Id, activity.From?.AadObjectId, TurnIdentity.TenantOf(activity));
            await SendAsync(turnContext, access.TenantRejected(language), cancellationToken);
            return;
        }

        if (!await IsFirstDeliveryAsync(activity, cancellationToken))
        {
            logger.DuplicateActivity(activity.Id, activity.Conversation?.Id);
            return;
        }

        var file = RosterImportResponder.FileAttachmentOf(activity);
        if (file is not null)
        {
            var principal = await authorization.IdentifyAsync(caller, cancellationToken);
            await SendAsync(turnContext, await responders.Imports.PreviewFileAsync(principal, file, language, cancellationToken), cancellationToken);
            return;
        }

        var text = activity.RemoveRecipientMention()?.Trim();
        if (string.IsNullOrEmpty(text) && activity.Value is not null)
        {
            // Action.Submit from a client without Universal Actions: our cards only use Action.Execute.
            logger.CardActionRejected(null, activity.Id, activity.From?.AadObjectId, "message with card data but no verb");
            await SendAsync(turnContext, commonCards.Message(language, strings.Get(language, "problem.title"), strings.Get(language, "card.unknownAction"), true, true), cancellationToken);
            return;
        }

        var parsed = TextCommands.ParseWithArgument(text);
        logger.TextCommand(parsed.Command.ToString(), caller.AadObjectId);
        var card = parsed.Command switch
        {
            TextCommand.CheckIn => await CheckInCardAsync(caller, language, start: true, cancellationToken),
            TextCommand.Status => await CheckInCardAsync(caller, language, start: false, cancellationToken),
            TextCommand.None => await AnswerOrSuggestAsync(caller, text ?? string.Empty, language, cancellationToken),
            _ => await RunCommandAsync(turnContext, parsed, await authorization.IdentifyAsync(caller, cancellationToken), language, cancellationToken),
        };
        await SendAsync(turnContext, card, cancellationToken);
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var language = TurnIdentity.LanguageOf(turnContext);
        var caller = authorization.CallerOf(activity);
        if (!authorization.IdentifyWithoutRoster(caller).IsTenantAllowed)
        {
            logger.TenantRejected(activity.Type, activity.Id, activity.From?.AadObjectId, TurnIdentity.TenantOf(activity));
            return CardReplies.Replace(access.TenantRejected(language));
        }

        var verb = invokeValue.Action?.Verb;
        var data = invokeValue.Action?.Data;
        switch (verb)
        {
            case "checkin.start":
                return CardReplies.Replace(await CheckInCardAsync(caller, language, start: true, cancellationToken));
            case "checkin.status":
                return CardReplies.Replace(await CheckInCardAsync(caller, language, start: false, cancellationToken));
            case "help.show":
                return CardReplies.Replace(Help(await authorization.IdentifyAsync(caller, cancellationToken), language));
            case BriefResponder.PageVerb:
                return CardReplies.Replace(await responders.Briefs.PageAsync(await authorization.IdentifyAsync(caller, cancellationToken), data, language, cancellationToken));
            case TeamLinkResponder.AddMembersVerb:
                return CardReplies.Replace(await responders.TeamLinks.AddMembersAsync(
                    turnContext, data, await authorization.IdentifyAsync(caller, cancellationToken), language, cancellationToken));
        }

        if (verb is not null && KnowledgeResponder.Verbs.Contains(verb))
        {
            return CardReplies.Replace(await responders.Knowledge.HandleAsync(verb, data, authorization.IdentifyWithoutRoster(caller), language, cancellationToken));
        }

        if (verb is not null && RosterResponder.Verbs.Contains(verb))
        {
            return CardReplies.Replace(await responders.Roster.HandleAsync(verb, data, await authorization.IdentifyAsync(caller, cancellationToken), language, cancellationToken));
        }

        if (verb is not null && RosterImportResponder.Verbs.Contains(verb))
        {
            return CardReplies.Replace(await responders.Imports.HandleAsync(verb, data, await authorization.IdentifyAsync(caller, cancellationToken), language, cancellationToken));
        }

        if (verb is not null && RosterExportResponder.Verbs.Contains(verb))
        {
            return CardReplies.Replace(await responders.Exports.HandleAsync(verb, data, await authorization.IdentifyAsync(caller, cancellationToken), language, cancellationToken));
        }

        if (verb is null || !CheckInSubmission.Verbs.TryGetValue(verb, out var action))
        {
            logger.CardActionRejected(Shorten(verb), activity.Id, caller.AadObjectId, "unknown verb");
            return CardReplies.Replace(commonCards.Message(language, strings.Get(language, "problem.title"), strings.Get(language, "card.unknownAction"), true, true));
        }

        return CardReplies.Replace(await CheckInActionAsync(activity, caller, verb, action, data, language, cancellationToken));
    }

    protected override async Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        await WelcomeOnceAsync(turnContext, cancellationToken);

    protected override async Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var conversationId = turnContext.Activity.Conversation?.Id;
        if (!string.IsNullOrEmpty(conversationId) && IsTenantAllowed(turnContext.Activity))
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

    /// <summary>Runs a typed command other than check-in and status, for a caller identified with their roles.</summary>
    private async Task<string> RunCommandAsync(
        ITurnContext turnContext, ParsedCommand parsed, Principal principal, Language language, CancellationToken cancellationToken)
    {
        switch (parsed.Command)
        {
            case TextCommand.Help:
                return Help(principal, language);
            case TextCommand.TalkingPoints:
                var decision = Authorizer.Decide(principal, BotAction.ViewTalkingPoints);
                return decision.IsAllowed ? responders.Knowledge.TalkingPoints(language) : Denied(parsed, decision, principal, language);
            case TextCommand.Brief:
                return await responders.Briefs.BriefAsync(principal, parsed.Argument, language, cancellationToken);
            case TextCommand.Roster:
                return await responders.Roster.ListCommandAsync(principal, parsed.Argument, language, cancellationToken);
            case TextCommand.AddMember:
                return responders.Roster.AddForm(principal, language);
            case TextCommand.ImportRoster:
                return responders.Imports.Form(principal, language);
            case TextCommand.ExportRoster:
                return await responders.Exports.ExportAsync(principal, 1, null, language, cancellationToken);
            case TextCommand.LinkTeam:
                return await responders.TeamLinks.LinkAsync(turnContext, principal, parsed.Argument, language, cancellationToken);
            case TextCommand.UnlinkTeam:
                return await responders.TeamLinks.UnlinkAsync(turnContext, principal, language, cancellationToken);
            case TextCommand.TeamMembers:
                return await responders.TeamLinks.OfferAsync(turnContext, principal, language, cancellationToken);
            default:
                throw new ArgumentOutOfRangeException(nameof(parsed), parsed.Command, "Not a command this method runs.");
        }
    }

    private string Help(Principal principal, Language language)
    {
        var decision = Authorizer.Decide(principal, BotAction.ViewHelp);
        return decision.IsAllowed ? commonCards.Help(language, principal) : access.Denied(decision, principal, language);
    }

    /// <summary>
    /// Suggests the command that a short message misspells, if the caller may use it. Anything
    /// else is a question for the knowledge base.
    /// </summary>
    private async Task<string> AnswerOrSuggestAsync(Caller caller, string text, Language language, CancellationToken cancellationToken)
    {
        var unresolved = authorization.IdentifyWithoutRoster(caller);
        var decision = Authorizer.Decide(unresolved, BotAction.AskQuestion);
        if (!decision.IsAllowed)
        {
            logger.CommandDenied(nameof(TextCommand.None), caller.AadObjectId, decision.Reason.ToString());
            return access.Denied(decision, unresolved, language);
        }

        if (CommandSuggester.LooksLikeCommand(text))
        {
            var suggestion = CommandSuggester.Suggest(text, await authorization.IdentifyAsync(caller, cancellationToken));
            if (suggestion is not null)
            {
                logger.CommandSuggested(caller.AadObjectId);
                return commonCards.Message(
                    language, strings.Get(language, "command.suggestionTitle"), strings.Format(language, "command.suggestion", ("command", suggestion)), false, false);
            }
        }

        logger.QuestionText(text);
        return responders.Knowledge.Answer(text, language);
    }

    private async Task<string> CheckInActionAsync(
        IInvokeActivity activity, Caller caller, string verb, CheckInAction action, object? data, Language language, CancellationToken cancellationToken)
    {
        CheckInRequest? request = null;
        var detail = CardDataReader.TryGetJson(data, out var json)
            ? CheckInSubmission.TryParse(action, json, out request, out var reason) ? null : reason
            : "the data is missing or not valid JSON";
        if (detail is not null)
        {
            logger.CardActionRejected(verb, activity.Id, caller.AadObjectId, detail);
            return commonCards.Message(
                language, strings.Get(language, "problem.title"), strings.Format(language, "card.invalidData", ("detail", detail)), true, true);
        }

        var screen = await checkIns.HandleAsync(caller, request!, cancellationToken);
        LogScreen(verb, caller, screen);
        return checkInCards.Render(screen, language);
    }

    /// <summary>Teams sends both installationUpdate and conversationUpdate on install; the claim lets one welcome through.</summary>
    private async Task WelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var conversationId = turnContext.Activity.Conversation?.Id;
        if (!IsTenantAllowed(turnContext.Activity)
            || string.IsNullOrEmpty(conversationId)
            || !await claims.TryClaimAsync(WelcomeScope, conversationId, cancellationToken))
        {
            return;
        }

        var inTeam = TeamLinkResponder.TeamOf(turnContext.Activity) is not null;
        await SendAsync(turnContext, commonCards.Welcome(TurnIdentity.LanguageOf(turnContext), inTeam), cancellationToken);
    }

    /// <summary>Checks the tenant of an event that gets no reply when it is rejected, and logs the rejection.</summary>
    private bool IsTenantAllowed(IActivity activity)
    {
        if (authorization.IdentifyWithoutRoster(authorization.CallerOf(activity)).IsTenantAllowed)
        {
            return true;
        }

        logger.TenantRejected(activity.Type, activity.Id, activity.From?.AadObjectId, TurnIdentity.TenantOf(activity));
        return false;
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

    private async Task<string> CheckInCardAsync(Caller caller, Language language, bool start, CancellationToken cancellationToken)
    {
        var screen = start
            ? await checkIns.StartAsync(caller, cancellationToken)
            : await checkIns.SummaryAsync(caller, cancellationToken);
        LogScreen(start ? "start" : "status", caller, screen);
        return checkInCards.Render(screen, language);
    }

    private string Denied(ParsedCommand parsed, AccessDecision decision, Principal principal, Language language)
    {
        logger.CommandDenied(parsed.Command.ToString(), principal.AadObjectId, decision.Reason.ToString());
        return access.Denied(decision, principal, language);
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

    private static Task SendAsync(ITurnContext turnContext, string cardJson, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(CardReplies.Message(cardJson), cancellationToken);

    private static string? Shorten(string? text) => text is null || text.Length <= 60 ? text : text[..60];
}
