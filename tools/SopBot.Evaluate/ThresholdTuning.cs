using System.Globalization;
using SopBot.Knowledge;
using SopBot.Knowledge.Evaluation;

namespace SopBot.Evaluate;

/// <summary>
/// Prints top-1 accuracy over a grid of no-answer thresholds. Each question is answered once with
/// both thresholds at zero, and the grid is then scored from the best candidate's coverage and score.
/// </summary>
internal static class ThresholdTuning
{
    private static readonly double[] CoverageSteps = Enumerable.Range(0, 20).Select(step => step * 0.05).ToArray();
    private static readonly float[] ScoreSteps = [0f, 0.5f, 1f, 1.5f, 2f, 3f, 4f, 5f, 6f, 8f];

    public static void Run(string contentDirectory, IReadOnlyList<EvaluationQuestion> questions)
    {
        var options = new KnowledgeBaseOptions { MinimumCoverage = 0, MinimumScore = 0 };
        using var knowledgeBase = KnowledgeBase.Load(contentDirectory, options);
        var observations = questions.Select(question => Observe(knowledgeBase, question)).ToList();
        Console.WriteLine($"Top-1 accuracy (%) of {observations.Count} questions; rows: minimum coverage, columns: minimum score");
        Console.WriteLine("coverage " + string.Concat(ScoreSteps.Select(score => score.ToString("0.0", CultureInfo.InvariantCulture).PadLeft(7))));
        var best = (Accuracy: -1.0, Coverage: 0.0, Score: 0f);
        foreach (var coverage in CoverageSteps)
        {
            var row = coverage.ToString("0.00", CultureInfo.InvariantCulture).PadRight(9);
            foreach (var score in ScoreSteps)
            {
                var accuracy = observations.Count(observation => observation.IsCorrect(coverage, score)) / (double)observations.Count;
                row += (accuracy * 100).ToString("0.0", CultureInfo.InvariantCulture).PadLeft(7);
                if (accuracy > best.Accuracy)
                {
                    best = (accuracy, coverage, score);
                }
            }

            Console.WriteLine(row);
        }

        Console.WriteLine(
            $"First best cell: coverage {best.Coverage.ToString("0.00", CultureInfo.InvariantCulture)}, "
            + $"score {best.Score.ToString("0.0", CultureInfo.InvariantCulture)}, accuracy {ReportPrinter.Percent(best.Accuracy)}. "
            + "Leave a margin above the coverage at which out-of-scope questions start to be answered; "
            + "the other edge only reflects how easy the in-scope questions are.");
    }

    private static Observation Observe(KnowledgeBase knowledgeBase, EvaluationQuestion question)
    {
        var answer = knowledgeBase.Answer(question.Question, question.Language);
        var top = answer.Candidates.FirstOrDefault();
        var satisfied = answer.Entry is not null && question.IsSatisfiedBy(Evaluator.ReplyText(answer.Entry, answer));
        var byReference = answer.MatchKind is MatchKind.ElementReference or MatchKind.PillarReference;
        return new Observation(question.IsOutOfScope, byReference, top?.Coverage ?? 0, top?.Score ?? 0, top is not null, satisfied);
    }

    private sealed record Observation(bool OutOfScope, bool ByReference, double Coverage, float Score, bool HasCandidate, bool Satisfied)
    {
        public bool IsCorrect(double minimumCoverage, float minimumScore)
        {
            var answered = ByReference || (HasCandidate && Coverage >= minimumCoverage && Score >= minimumScore);
            return OutOfScope ? !answered : answered && Satisfied;
        }
    }
}
