using System.Text.Json;

namespace SopBot.Domain.Teams;

/// <summary>The checks a team link request must pass before it is stored.</summary>
public static class TeamLinkRules
{
    /// <summary>Teams team and channel ids ("19:…@thread.tacv2") are well under this.</summary>
    public const int MaxIdLength = 256;

    /// <summary>Azure Table storage keeps at most 64 KiB per string property, which is 32,768 UTF-16 characters.</summary>
    public const int MaxConversationReferenceLength = 32_000;

    /// <summary>Returns the first problem with the request, or null when it can be stored.</summary>
    public static TeamLinkProblem? Validate(TeamLinkRequest request)
    {
        if (!IsValidId(request.TeamId))
        {
            return TeamLinkProblem.InvalidTeamId;
        }

        if (request.ChannelId is not null && !IsValidId(request.ChannelId))
        {
            return TeamLinkProblem.InvalidChannelId;
        }

        return IsJsonObject(request.ConversationReference) ? null : TeamLinkProblem.InvalidConversationReference;
    }

    /// <summary>True for 1 to <see cref="MaxIdLength"/> visible ASCII characters, which every Teams id is.</summary>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && id.All(character => character is > ' ' and < '\u007F');

    private static bool IsJsonObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json.Length > MaxConversationReferenceLength)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
