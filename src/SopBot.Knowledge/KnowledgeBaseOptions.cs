namespace SopBot.Knowledge;

/// <summary>Settings of the answering pipeline. The defaults are the tuned production values.</summary>
public sealed record KnowledgeBaseOptions
{
    /// <summary>
    /// Minimum share (0 to 1) of the question's terms, weighted by inverse document frequency,
    /// that the best entry must explain for the answer to count as confident.
    /// </summary>
    public double MinimumCoverage { get; init; } = 0.5;

    /// <summary>Minimum BM25 score of the best entry for a confident answer. It rejects matches on common words only.</summary>
    public float MinimumScore { get; init; } = 1.0f;

    /// <summary>Whether synonym groups from the content expand the question.</summary>
    public bool ExpandSynonyms { get; init; } = true;

    /// <summary>Whether terms that are not in the index vocabulary are matched with fuzzy (typo-tolerant) queries.</summary>
    public bool FuzzyMatching { get; init; } = true;

    /// <summary>Maximum question length in characters. Longer input is truncated at a word boundary.</summary>
    public int MaxQuestionLength { get; init; } = 2000;
}
