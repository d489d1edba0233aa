using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SopBot.Domain;

namespace SopBot.Bot.Teams;

/// <summary>Who sent an activity and in which language to answer them.</summary>
public static class TurnIdentity
{
    /// <summary>
    /// Returns the caller from the activity's sender. Teams always sends the AAD object id; the
    /// local emulator may not, so in anonymous local mode the channel user id stands in for it.
    /// </summary>
    public static Caller? CallerOf(IActivity activity, bool allowChannelUserId)
    {
        var from = activity.From;
        if (from is null)
        {
            return null;
        }

        var id = !string.IsNullOrWhiteSpace(from.AadObjectId) ? from.AadObjectId
            : allowChannelUserId && !string.IsNullOrWhiteSpace(from.Id) ? from.Id
            : null;
        if (id is null || id.Length > 128)
        {
            return null;
        }

        return new Caller(id, from.Name ?? string.Empty, activity.Conversation?.TenantId);
    }

    public static Language LanguageOf(ITurnContext turnContext) => LanguageOf(turnContext.Activity);

    public static Language LanguageOf(Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Locale))
        {
            return Languages.FromLocale(activity.Locale);
        }

        var clientInfo = activity.Entities?.FirstOrDefault(entity => entity.Type == "clientInfo");
        return Languages.FromLocale(clientInfo?.Properties?["locale"]?.ToString());
    }
}
