using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using SopBot.Bot.Cards;
using SopBot.Bot.Localization;

namespace SopBot.Bot.Teams;

/// <summary>
/// The Bot Framework adapter. An error that escapes a turn is logged with the activity's ids
/// and answered with an apology; the exception text never reaches the chat.
/// </summary>
public sealed class SopBotAdapter : CloudAdapter
{
    public SopBotAdapter(BotFrameworkAuthentication authentication, CommonCards cards, Localizer strings, ILogger<SopBotAdapter> logger)
        : base(authentication, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            var activity = turnContext.Activity;
            logger.TurnError(exception, activity?.Type, activity?.Id, activity?.Conversation?.Id);
            if (activity is null || activity.Type == ActivityTypes.Invoke)
            {
                // An invoke gets its answer in the HTTP response, which the adapter fills in.
                return;
            }

            try
            {
                var language = TurnIdentity.LanguageOf(activity);
                var card = cards.Message(language, strings.Get(language, "error.title"), strings.Get(language, "error.unexpected"), true, false);
                await turnContext.SendActivityAsync(CardReplies.Message(card));
            }
            catch (Exception sendException) when (sendException is not OperationCanceledException)
            {
                logger.ApologyFailed(sendException, activity.Id);
            }
        };
    }
}
