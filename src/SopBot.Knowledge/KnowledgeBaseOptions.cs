namespace SopBot.Knowledge;

/// <summary>Settings of the answering pipeline. The defaults are the tuned production values.</summary>
public sealed record KnowledgeBaseOptions
{
    /// <summary>
    /// Minimum share (0 to 1) of the question's terms, weighted by inverse document frequency,
    /// that the best entry must explain for the answer to count as confident. Chosen with the
    /// evaluation tool's --tune grid on the dev questions plus the dev out-of-scope questions:
    /// every out-of-scope question is rejected from 0.45 up, and 0.5 leaves one grid step of margin.
    /// </summary>
    public double MinimumCoverage { get; init; } = 0.5;

    /// <summary>
    /// Minimum BM25 score of the best entry for a confident answer, a floor against matches on
    /// common words only. NOTE: no question in the tuning sets changes outcome between 0 and 8,
    /// so this value is a guess, not a tuned one.
    /// </summary>
    public float MinimumScore { get; init; } = 1.0f;

    /// <summary>Whether synonym groups from the content expand the question.</summary>
    public bool ExpandSynonyms { get; init; } = true;

    /// <summary>Whether terms that are not in the index vocabulary are matched with fuzzy (typo-tolerant) queries.</summary>
    public bool FuzzyMatching { get; init; } = true;

    /// <summary>Maximum question length in characters. Longer input is truncated at a word boundary.</summary>
    public int MaxQuestionLength { get; init; } = 2000;
}
