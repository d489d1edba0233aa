namespace SopBot.Knowledge.Evaluation;

/// <summary>The outcome of one question in an evaluation run.</summary>
public sealed record EvaluationResult(EvaluationQuestion Question, KnowledgeAnswer Answer, bool Top1Correct, bool Top3Correct);

/// <summary>Accuracy of a question set against a knowledge base.</summary>
public sealed record EvaluationReport(IReadOnlyList<EvaluationResult> Results)
{
    public int Total => Results.Count;

    public int Top1Correct => Results.Count(result => result.Top1Correct);

    public int Top3Correct => Results.Count(result => result.Top3Correct);

    public double Top1Accuracy => Total == 0 ? 0 : (double)Top1Correct / Total;

    public double Top3Accuracy => Total == 0 ? 0 : (double)Top3Correct / Total;

    public IEnumerable<EvaluationResult> Failures => Results.Where(result => !result.Top1Correct);
}

/// <summary>Runs question sets through the real answering pipeline.</summary>
public static class Evaluator
{
    /// <summary>
    /// Answers every question and scores it. Top-1 is correct when the answered entry's reply text
    /// (title and answer) contains the expected groups, or, for an out-of-scope question, when no
    /// entry is answered. Top-3 is correct when any of the first three candidates satisfies the
    /// expectation, even if the answer was not confident. For an out-of-scope question it equals top-1.
    /// </summary>
    public static EvaluationReport Run(KnowledgeBase knowledgeBase, IEnumerable<EvaluationQuestion> questions)
    {
        var results = new List<EvaluationResult>();
        foreach (var question in questions)
        {
            var answer = knowledgeBase.Answer(question.Question, question.Language);
            results.Add(Score(question, answer));
        }

        return new EvaluationReport(results);
    }

    public static EvaluationResult Score(EvaluationQuestion question, KnowledgeAnswer answer)
    {
        if (question.IsOutOfScope)
        {
            var correct = answer.Entry is null;
            return new EvaluationResult(question, answer, correct, correct);
        }

        var top1 = answer.Entry is not null && question.IsSatisfiedBy(ReplyText(answer.Entry, answer));
        var top3 = answer.Candidates.Any(candidate => question.IsSatisfiedBy(ReplyText(candidate.Entry, answer)));
        return new EvaluationResult(question, answer, top1, top1 || top3);
    }

    /// <summary>Returns what the user would read for the entry: its title and answer text in the answer's language.</summary>
    public static string ReplyText(Content.KnowledgeEntry entry, KnowledgeAnswer answer) =>
        entry.Title.Get(answer.Language) + "\n" + entry.ReplyText(answer.Language);
}
