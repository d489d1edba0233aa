using SopBot.Domain;
using SopBot.Knowledge.Search;

namespace SopBot.Knowledge.Evaluation;

/// <summary>
/// One row of a question file: the question, the locale it was asked in, and what a correct first
/// reply must contain. <see cref="Expected"/> lists groups separated by ';', each satisfied by any
/// of its '|' alternatives, or is <see cref="NoAnswerMarker"/> for an out-of-scope question.
/// </summary>
public sealed record EvaluationQuestion(string Id, string Locale, string Question, string Expected, int LineNumber)
{
    /// <summary>Expected value meaning that the correct result is no entry at all.</summary>
    public const string NoAnswerMarker = "<no-answer>";

    public Language Language => Languages.FromLocale(Locale);

    public bool IsOutOfScope => string.Equals(Expected.Trim(), NoAnswerMarker, StringComparison.Ordinal);

    /// <summary>
    /// Whether the reply text contains every expected group, ignoring case and accents. Always
    /// false for an out-of-scope question, because no reply text is correct for it.
    /// </summary>
    public bool IsSatisfiedBy(string replyText)
    {
        if (IsOutOfScope)
        {
            return false;
        }

        var folded = TextFolding.Fold(replyText);
        return Expected
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(group => group
                .Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Any(alternative => folded.Contains(TextFolding.Fold(alternative), StringComparison.Ordinal)));
    }
}
