namespace SopBot.Knowledge.Search;

/// <summary>
/// Finds synonym phrases in a question and returns the other phrases of their groups. Matching is
/// on whole folded words, so "OMT" matches "omt" and "comunicación" matches "comunicacion".
/// </summary>
internal sealed class SynonymExpander
{
    private readonly List<string[][]> _groups;

    public SynonymExpander(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        _groups = groups
            .Select(group => group
                .Select(phrase => TextFolding.Words(TextFolding.Fold(phrase)).ToArray())
                .Where(words => words.Length > 0)
                .ToArray())
            .ToList();
        Groups = groups;
    }

    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    /// <summary>Returns the indexes of the groups that have a phrase in the question's folded words.</summary>
    public IReadOnlyList<int> FindGroups(IReadOnlyList<string> foldedWords)
    {
        var matched = new List<int>();
        for (var groupIndex = 0; groupIndex < _groups.Count; groupIndex++)
        {
            if (_groups[groupIndex].Any(phrase => ContainsPhrase(foldedWords, phrase)))
            {
                matched.Add(groupIndex);
            }
        }

        return matched;
    }

    private static bool ContainsPhrase(IReadOnlyList<string> words, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= words.Count; start++)
        {
            var matches = true;
            for (var offset = 0; offset < phrase.Length && matches; offset++)
            {
                matches = string.Equals(words[start + offset], phrase[offset], StringComparison.Ordinal);
            }

            if (matches)
            {
                return true;
            }
        }

        return false;
    }
}
