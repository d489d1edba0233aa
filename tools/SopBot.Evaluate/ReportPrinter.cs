using System.Globalization;
using SopBot.Knowledge.Evaluation;

namespace SopBot.Evaluate;

internal static class ReportPrinter
{
    public static void Print(EvaluationReport report, string questionFiles, string contentDirectory)
    {
        Console.WriteLine($"Questions: {questionFiles} ({report.Total} rows)");
        Console.WriteLine($"Content:   {Path.GetFullPath(contentDirectory)}");
        Console.WriteLine($"Top-1 accuracy: {report.Top1Correct}/{report.Total} = {Percent(report.Top1Accuracy)}");
        Console.WriteLine($"Top-3 accuracy: {report.Top3Correct}/{report.Total} = {Percent(report.Top3Accuracy)}");
        var failures = report.Failures.ToList();
        Console.WriteLine(failures.Count == 0 ? "No top-1 failures." : $"Top-1 failures ({failures.Count}):");
        foreach (var failure in failures)
        {
            var answer = failure.Answer;
            var got = answer.Entry is null
                ? $"{answer.Status} (closest: {string.Join(", ", answer.Candidates.Select(candidate => candidate.Entry.Id))})"
                : $"{answer.Entry.Id} via {answer.MatchKind}";
            Console.WriteLine($"  {failure.Question.Id} [{failure.Question.Locale}] {failure.Question.Question}");
            Console.WriteLine($"      expected: {failure.Question.Expected}");
            Console.WriteLine(
                $"      got: {got}; score {answer.Score.ToString("0.00", CultureInfo.InvariantCulture)}, "
                + $"coverage {answer.Coverage.ToString("0.00", CultureInfo.InvariantCulture)}; top-3 {(failure.Top3Correct ? "correct" : "wrong")}");
        }
    }

    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
