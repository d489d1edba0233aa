using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using SopBot.Domain;

namespace SopBot.Bot.Teams;

/// <summary>Who sent an activity and in which language to answer them.</summary>
public static class TurnIdentity
{
    /// <summary>
    /// Returns the caller from the activity's sender. Teams always sends the AAD object id; the
    /// local emulator may not, so in anonymous local mode the channel user id is used in its place.
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

        return new Caller(id, from.Name ?? string.Empty, TenantOf(activity));
    }

    /// <summary>
    /// Returns the sender's Entra tenant id from conversation.tenantId or channelData.tenant.id,
    /// whichever is present. Returns null when neither is, or when the two differ, so that an
    /// activity with contradicting tenants is treated as coming from no allowed tenant.
    /// </summary>
    public static string? TenantOf(IActivity activity)
    {
        var fromConversation = NullIfBlank(activity.Conversation?.TenantId);
        var tenantId = ((activity.ChannelData as JObject)?["tenant"] as JObject)?["id"];
        var fromChannelData = NullIfBlank(tenantId?.Type == JTokenType.String ? (string?)tenantId : null);
        if (fromConversation is not null && fromChannelData is not null
            && !string.Equals(fromConversation, fromChannelData, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return fromConversation ?? fromChannelData;
    }

    public static Language LanguageOf(ITurnContext turnContext) => LanguageOf(turnContext.Activity);

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

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
