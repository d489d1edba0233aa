using SopBot.Bot.Cards;
using SopBot.Domain.Roster;

namespace SopBot.Bot.TeamLinks;

/// <summary>The team members picked on the offer card, by AAD object id.</summary>
public sealed record TeamMemberSelection(IReadOnlyList<string> AadObjectIds);

/// <summary>
/// Reads the offer card's "Add" submission: only the "selected" input, the comma-separated
/// AAD object ids that a multi-select choice set sends. The names, the country and the role
/// never come from the card: the bot takes them from Teams and from the team's stored link.
/// </summary>
public static class TeamLinkSubmissions
{
    private static readonly Dictionary<string, int> AddFields = new(StringComparer.Ordinal)
    {
        ["selected"] = TeamLinkResponder.MaxOffered * (RosterRules.MaxIdLength + 1),
    };

    public static bool TryParseSelection(object? data, out TeamMemberSelection? selection, out string? problem)
    {
        selection = null;
        if (!CardDataReader.TryRead(data, AddFields, out var values, out problem))
        {
            return false;
        }

        var ids = new List<string>();
        foreach (var text in (values.GetValueOrDefault("selected") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var id = RosterRules.NormalizeId(text);
            if (!RosterRules.IsValidId(id))
            {
                problem = "the field \"selected\" has a value that is not an AAD object id";
                return false;
            }

            if (!ids.Contains(id, StringComparer.OrdinalIgnoreCase))
            {
                ids.Add(id);
            }
        }

        if (ids.Count > TeamLinkResponder.MaxOffered)
        {
            problem = $"the field \"selected\" names more than {TeamLinkResponder.MaxOffered} people";
            return false;
        }

        selection = new TeamMemberSelection(ids);
        return true;
    }
}
