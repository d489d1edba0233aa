using System.Diagnostics;
using System.Globalization;
using SopBot.Domain;
using SopBot.Knowledge;
using SopBot.Knowledge.Evaluation;
using SopBot.Knowledge.Search;

namespace SopBot.Evaluate;

/// <summary>
/// Times answers on one thread: the full pipeline, the same BM25 index without synonym expansion
/// and fuzzy terms, and an exact title lookup, all over the same workload in the same run.
/// </summary>
internal static class Benchmark
{
    private const int WarmUpIterations = 500;

    public static void Run(string contentDirectory, IReadOnlyList<EvaluationQuestion> questions, int iterations)
    {
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var loadWatch = Stopwatch.StartNew();
        using var full = KnowledgeBase.Load(contentDirectory);
        loadWatch.Stop();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        using var plain = KnowledgeBase.Load(
            contentDirectory, new KnowledgeBaseOptions { ExpandSynonyms = false, FuzzyMatching = false });
        var titles = BuildTitleLookup(full);
        var workload = BuildWorkload(questions, iterations);

        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}");
        Console.WriteLine(
            $"Index: {full.Entries.Count} entries loaded and indexed in {loadWatch.Elapsed.TotalMilliseconds:0} ms; "
            + $"managed heap grew by {(heapAfter - heapBefore) / 1024.0 / 1024.0:0.0} MiB");
        Console.WriteLine($"Workload: {workload.Count} answers per pipeline from {questions.Count} questions and variants (typos, mentions, case, other locale)");
        Console.WriteLine();
        Console.WriteLine("pipeline                              top-1    p50 ms   p95 ms   p99 ms   max ms   KiB/answer");
        Print("full pipeline (synonyms + fuzzy)", Accuracy(full, questions), Measure(workload, item => full.Answer(item.Text, item.Language)));
        Print("BM25 only (no synonyms, no fuzzy)", Accuracy(plain, questions), Measure(workload, item => plain.Answer(item.Text, item.Language)));
        Print(
            "exact title match",
            questions.Count(question => TitleMatch(titles, question)) / (double)questions.Count,
            Measure(workload, item => titles.GetValueOrDefault(TextFolding.Fold(item.Text.Trim()))));
    }

    private static double Accuracy(KnowledgeBase knowledgeBase, IReadOnlyList<EvaluationQuestion> questions) =>
        Evaluator.Run(knowledgeBase, questions).Top1Accuracy;

    private static bool TitleMatch(Dictionary<string, string> titles, EvaluationQuestion question)
    {
        var found = titles.TryGetValue(TextFolding.Fold(question.Question.Trim()), out var reply);
        return question.IsOutOfScope ? !found : found && question.IsSatisfiedBy(reply!);
    }

    // Folded entry title (both languages) to the entry's reply text, for the exact-title baseline.
    private static Dictionary<string, string> BuildTitleLookup(KnowledgeBase knowledgeBase)
    {
        var lookup = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in knowledgeBase.Entries)
        {
            foreach (var language in new[] { Language.English, Language.Spanish })
            {
                lookup.TryAdd(TextFolding.Fold(entry.Title.Get(language)), entry.Title.Get(language) + "\n" + entry.ReplyText(language));
            }
        }

        return lookup;
    }

    private static List<(string Text, Language Language)> BuildWorkload(IReadOnlyList<EvaluationQuestion> questions, int iterations)
    {
        var variants = new List<(string, Language)>();
        foreach (var question in questions)
        {
            var other = question.Language == Language.Spanish ? Language.English : Language.Spanish;
            variants.Add((question.Question, question.Language));
            variants.Add((question.Question.ToLowerInvariant().TrimEnd('?', '.', '!'), question.Language));
            variants.Add(("<at>SopBot</at> " + question.Question, question.Language));
            variants.Add((WithTypo(question.Question), question.Language));
            variants.Add((question.Question, other));
        }

        var workload = new List<(string, Language)>(iterations);
        for (var index = 0; index < iterations; index++)
        {
            workload.Add(variants[index % variants.Count]);
        }

        return workload;
    }

    // Swaps two adjacent letters in the middle of the longest word, a common typing error.
    private static string WithTypo(string text)
    {
        var words = text.Split(' ');
        var longest = words.Select((word, index) => (word, index)).MaxBy(pair => pair.word.Length);
        if (longest.word.Length < 5)
        {
            return text;
        }

        var characters = longest.word.ToCharArray();
        var middle = characters.Length / 2;
        (characters[middle], characters[middle - 1]) = (characters[middle - 1], characters[middle]);
        words[longest.index] = new string(characters);
        return string.Join(' ', words);
    }

    private static (double[] SortedMilliseconds, double BytesPerAnswer) Measure<T>(
        List<(string Text, Language Language)> workload, Func<(string Text, Language Language), T> answer)
    {
        for (var index = 0; index < Math.Min(WarmUpIterations, workload.Count); index++)
        {
            answer(workload[index]);
        }

        var milliseconds = new double[workload.Count];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var index = 0; index < workload.Count; index++)
        {
            var start = Stopwatch.GetTimestamp();
            answer(workload[index]);
            milliseconds[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Array.Sort(milliseconds);
        return (milliseconds, allocated / (double)workload.Count);
    }

    private static void Print(string name, double accuracy, (double[] SortedMilliseconds, double BytesPerAnswer) measurement)
    {
        var sorted = measurement.SortedMilliseconds;
        Console.WriteLine(
            name.PadRight(36)
            + ReportPrinter.Percent(accuracy).PadLeft(7)
            + Format(Percentile(sorted, 0.50))
            + Format(Percentile(sorted, 0.95))
            + Format(Percentile(sorted, 0.99))
            + Format(sorted[^1])
            + (measurement.BytesPerAnswer / 1024).ToString("0.0", CultureInfo.InvariantCulture).PadLeft(13));
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];

    private static string Format(double milliseconds) => milliseconds.ToString("0.000", CultureInfo.InvariantCulture).PadLeft(9);
}
