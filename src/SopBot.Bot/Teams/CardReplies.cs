using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using SopBot.Bot.Cards;

namespace SopBot.Bot.Teams;

/// <summary>Wraps card JSON for the Bot Framework: as a message attachment or as an Action.Execute response.</summary>
public static class CardReplies
{
    public static IMessageActivity Message(string cardJson)
    {
        var activity = Activity.CreateMessageActivity();
        activity.Attachments = [new Attachment { ContentType = CardRenderer.ContentType, Content = JObject.Parse(cardJson) }];
        return activity;
    }

    /// <summary>The invoke response that replaces the clicked card with this one.</summary>
    public static AdaptiveCardInvokeResponse Replace(string cardJson) => new()
    {
        StatusCode = 200,
        Type = CardRenderer.ContentType,
        Value = JObject.Parse(cardJson),
    };
}
