namespace SopBot.Knowledge.Search;

/// <summary>The analyzed terms of every entry in one language, with document frequencies.</summary>
internal sealed class LanguageVocabulary(int entryCount)
{
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly HashSet<string>[] _entryTerms = new HashSet<string>[entryCount];

    // Vocabulary terms by first character, so that typo lookup scans only terms with the same prefix.
    private readonly Dictionary<char, List<string>> _termsByFirstCharacter = [];

    public bool Contains(string term) => _documentFrequency.ContainsKey(term);

    public IReadOnlySet<string> EntryTerms(int entryIndex) => _entryTerms[entryIndex];

    /// <summary>
    /// Returns the BM25 inverse document frequency of the term, log(1 + (N - df + 0.5) / (df + 0.5)).
    /// A term that no entry contains gets the largest value, because it is the most specific.
    /// </summary>
    public double InverseDocumentFrequency(string term)
    {
        var frequency = _documentFrequency.GetValueOrDefault(term);
        return Math.Log(1 + ((_entryTerms.Length - frequency + 0.5) / (frequency + 0.5)));
    }

    /// <summary>
    /// Returns up to <paramref name="maxTerms"/> vocabulary terms within the typo tolerance of
    /// <paramref name="term"/>, closest first and, at equal distance, the more frequent first.
    /// </summary>
    public IReadOnlyList<string> FindCloseTerms(string term, int maxTerms)
    {
        var maxEdits = TypoTolerance.MaxEdits(term);
        if (maxEdits == 0 || !_termsByFirstCharacter.TryGetValue(term[0], out var candidates))
        {
            return [];
        }

        return candidates
            .Select(candidate => (Term: candidate, Distance: TypoTolerance.Distance(term, candidate, maxEdits)))
            .Where(match => match.Distance <= maxEdits)
            .OrderBy(match => match.Distance)
            .ThenByDescending(match => _documentFrequency[match.Term])
            .ThenBy(match => match.Term, StringComparer.Ordinal)
            .Take(maxTerms)
            .Select(match => match.Term)
            .ToList();
    }

    public void AddEntry(int entryIndex, IEnumerable<string> terms)
    {
        var distinct = new HashSet<string>(terms, StringComparer.Ordinal);
        _entryTerms[entryIndex] = distinct;
        foreach (var term in distinct)
        {
            var frequency = _documentFrequency.GetValueOrDefault(term);
            _documentFrequency[term] = frequency + 1;
            if (frequency == 0 && term.Length > 0)
            {
                if (!_termsByFirstCharacter.TryGetValue(term[0], out var sameStart))
                {
                    sameStart = [];
                    _termsByFirstCharacter[term[0]] = sameStart;
                }

                sameStart.Add(term);
            }
        }
    }
}
