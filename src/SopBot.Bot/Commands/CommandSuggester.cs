using SopBot.Domain.Countries;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Commands;

/// <summary>
/// "Did you mean": finds the command a short message most likely misspells, such as "chek in"
/// or "rostr", among the commands the caller may use. Anything longer, any question, and
/// anything not close to a keyword is left for the knowledge base.
/// </summary>
public static class CommandSuggester
{
    /// <summary>A message with more words than this after a keyword's own is taken as a question.</summary>
    private const int MaxArgumentWords = 2;

    private const int MaxTextLength = 60;

    /// <summary>True when the text is not a command but is within a few typos of one, whoever may use it.</summary>
    public static bool LooksLikeCommand(string? text) => Candidates(text).Count > 0;

    /// <summary>
    /// Returns the closest command the caller may use, as text to type: the keyword, followed by
    /// what the caller typed after a keyword that takes an argument ("brief brazil"). Returns null
    /// when the text does not look like a command the caller may use.
    /// </summary>
    public static string? Suggest(string? text, Principal principal) =>
        Candidates(text).FirstOrDefault(candidate => CommandPermissions.IsAllowed(principal, candidate.Keyword.Command))?.Suggestion;

    /// <summary>
    /// Returns the optimal string alignment distance: the fewest insertions, deletions,
    /// substitutions and swaps of two neighbouring characters, so that "hepl" is one edit from "help".
    /// </summary>
    public static int OptimalStringAlignment(string source, string target)
    {
        var distances = new int[source.Length + 1, target.Length + 1];
        for (var i = 0; i <= source.Length; i++)
        {
            distances[i, 0] = i;
        }

        for (var j = 0; j <= target.Length; j++)
        {
            distances[0, j] = j;
        }

        for (var i = 1; i <= source.Length; i++)
        {
            for (var j = 1; j <= target.Length; j++)
            {
                var cost = source[i - 1] == target[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(distances[i - 1, j] + 1, distances[i, j - 1] + 1), distances[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && source[i - 1] == target[j - 2] && source[i - 2] == target[j - 1])
                {
                    best = Math.Min(best, distances[i - 2, j - 2] + 1);
                }

                distances[i, j] = best;
            }
        }

        return distances[source.Length, target.Length];
    }

    /// <summary>The keywords the text is within <see cref="MaxDistance"/> of, closest first (ties in keyword order).</summary>
    private static List<Candidate> Candidates(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength || text.Contains('?') || text.Contains('¿')
            || TextCommands.Parse(text) != TextCommand.None)
        {
            return [];
        }

        var words = CountryCatalog.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var candidates = new List<Candidate>();
        foreach (var keyword in TextCommands.Keywords)
        {
            var keywordWords = keyword.Text.Split(' ').Length;
            var argumentWords = words.Length - keywordWords;
            if (argumentWords < 0 || argumentWords > (keyword.TakesArgument ? MaxArgumentWords : 0))
            {
                continue;
            }

            var distance = OptimalStringAlignment(string.Join(' ', words[..keywordWords]), keyword.Text);
            if (distance > 0 && distance <= MaxDistance(keyword.Text))
            {
                var suggestion = argumentWords == 0 ? keyword.Text : keyword.Text + " " + string.Join(' ', words[keywordWords..]);
                candidates.Add(new Candidate(keyword, distance, suggestion));
            }
        }

        // OrderBy is stable, so keywords at the same distance keep the order of TextCommands.Keywords.
        return candidates.OrderBy(candidate => candidate.Distance).ToList();
    }

    /// <summary>One typo in a keyword of up to 4 letters, two up to 8, three beyond.</summary>
    private static int MaxDistance(string keyword)
    {
        if (keyword.Length <= 4)
        {
            return 1;
        }

        return keyword.Length <= 8 ? 2 : 3;
    }

    private sealed record Candidate(CommandKeyword Keyword, int Distance, string Suggestion);
}
