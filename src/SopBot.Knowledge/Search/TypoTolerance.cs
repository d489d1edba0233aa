namespace SopBot.Knowledge.Search;

/// <summary>
/// The rule for fuzzy matching of analyzed terms that are not in the index vocabulary: the same
/// edit distance as Lucene's <c>FuzzyQuery</c> with transpositions (restricted Damerau-Levenshtein),
/// with a shared first character. Both the query expansion and the confidence estimate use it.
/// </summary>
internal static class TypoTolerance
{
    /// <summary>Number of leading characters that must match exactly, which keeps fuzzy expansion small.</summary>
    public const int PrefixLength = 1;

    /// <summary>Returns the edits allowed for a term: none up to 4 characters, 1 up to 7, then 2.</summary>
    public static int MaxEdits(string term) => term.Length switch
    {
        <= 4 => 0,
        <= 7 => 1,
        _ => 2,
    };

    /// <summary>
    /// Whether <paramref name="candidate"/> is within <paramref name="maxEdits"/> insertions, deletions,
    /// substitutions or adjacent transpositions of <paramref name="term"/> and shares its prefix.
    /// </summary>
    public static bool IsWithin(string term, string candidate, int maxEdits) => Distance(term, candidate, maxEdits) <= maxEdits;

    /// <summary>
    /// Returns the edit distance between the terms, or <c>int.MaxValue</c> when the prefixes differ
    /// or the lengths alone rule out a distance of at most <paramref name="maxEdits"/>.
    /// </summary>
    public static int Distance(string term, string candidate, int maxEdits)
    {
        if (maxEdits <= 0 || Math.Abs(term.Length - candidate.Length) > maxEdits
            || term.Length < PrefixLength || candidate.Length < PrefixLength
            || string.CompareOrdinal(term, 0, candidate, 0, PrefixLength) != 0)
        {
            return int.MaxValue;
        }

        return RestrictedDamerauDistance(term, candidate);
    }

    private static int RestrictedDamerauDistance(string source, string target)
    {
        var rows = source.Length + 1;
        var columns = target.Length + 1;
        var distance = new int[rows * columns];
        for (var i = 0; i < rows; i++)
        {
            distance[i * columns] = i;
        }

        for (var j = 0; j < columns; j++)
        {
            distance[j] = j;
        }

        for (var i = 1; i < rows; i++)
        {
            for (var j = 1; j < columns; j++)
            {
                var cost = source[i - 1] == target[j - 1] ? 0 : 1;
                var best = Math.Min(
                    Math.Min(distance[((i - 1) * columns) + j] + 1, distance[(i * columns) + j - 1] + 1),
                    distance[((i - 1) * columns) + j - 1] + cost);
                if (i > 1 && j > 1 && source[i - 1] == target[j - 2] && source[i - 2] == target[j - 1])
                {
                    best = Math.Min(best, distance[((i - 2) * columns) + j - 2] + 1);
                }

                distance[(i * columns) + j] = best;
            }
        }

        return distance[(rows * columns) - 1];
    }
}
