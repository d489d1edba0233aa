namespace SopBot.Knowledge.Search;

/// <summary>The analyzed terms of every entry in one language, with document frequencies.</summary>
internal sealed class LanguageVocabulary(int entryCount)
{
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly HashSet<string>[] _entryTerms = new HashSet<string>[entryCount];

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

    public void AddEntry(int entryIndex, IEnumerable<string> terms)
    {
        var distinct = new HashSet<string>(terms, StringComparer.Ordinal);
        _entryTerms[entryIndex] = distinct;
        foreach (var term in distinct)
        {
            _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        }
    }
}
