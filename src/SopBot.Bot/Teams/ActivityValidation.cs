using Microsoft.Bot.Schema;

namespace SopBot.Bot.Teams;

/// <summary>
/// Checks the parts of an activity that the bot relies on before any handler runs, so that a
/// malformed activity is logged and dropped instead of failing deep in the Bot Framework.
/// </summary>
public static class ActivityValidation
{
    /// <summary>Longest id the bot accepts; Teams ids are well under 200 characters.</summary>
    public const int MaxIdLength = 512;

    /// <summary>Returns why the activity cannot be handled, or null when it can.</summary>
    public static string? Problem(IActivity activity)
    {
        if (string.IsNullOrEmpty(activity.Type))
        {
            return "the activity has no type";
        }

        if (string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return "the activity has no conversation id";
        }

        if (activity.From is null || activity.Recipient is null)
        {
            return "the activity has no sender or no recipient";
        }

        string?[] ids = [activity.Id, activity.Type, activity.Conversation.Id, activity.From.Id, activity.From.AadObjectId, activity.Recipient.Id];
        return ids.Any(id => id is not null && (id.Length > MaxIdLength || id.Any(char.IsControl)))
            ? "an id is longer than 512 characters or contains control characters"
            : null;
    }

    /// <summary>Makes an outside value safe for a log line: control characters become '?', and the length is capped.</summary>
    public static string? ForLog(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var cleaned = new string(value.Select(character => char.IsControl(character) ? '?' : character).ToArray());
        return cleaned.Length <= 100 ? cleaned : cleaned[..100] + "…";
    }
}
