namespace SopBot.Evaluate;

/// <summary>Parsed command-line options.</summary>
internal sealed record CommandLine(
    IReadOnlyList<string> QuestionFiles,
    string? ContentDirectory,
    bool Benchmark,
    bool Tune,
    int Iterations)
{
    public const int DefaultIterations = 5000;

    public const string Usage = """
        Usage: dotnet run --project tools/SopBot.Evaluate -- --questions FILE [--questions FILE ...] [options]

        Runs question files (tab-separated: id, locale, question, expected) through the knowledge base
        and prints top-1 and top-3 accuracy and every top-1 failure.

        Options:
          --questions FILE   question file to run; repeat the option for several files (required)
          --content DIR      content directory containing knowledge/ and talking-points/
                             (default: the nearest 'content' folder above the current directory)
          --benchmark        time answers instead of scoring them: p50/p95/p99 latency in ms and
                             allocated bytes per answer, next to baselines measured in the same run
          --iterations N     number of timed answers per pipeline in --benchmark mode (default 5000)
          --tune             print accuracy over a grid of no-answer thresholds (minimum coverage
                             and minimum score) for the combined question files
          --help             show this text
        """;

    /// <summary>Parses the arguments, or returns null and writes the problem to standard error.</summary>
    public static CommandLine? Parse(string[] args)
    {
        var questionFiles = new List<string>();
        string? contentDirectory = null;
        var benchmark = false;
        var tune = false;
        var iterations = DefaultIterations;
        for (var index = 0; index < args.Length; index++)
        {
            switch (args[index])
            {
                case "--questions" when index + 1 < args.Length:
                    questionFiles.Add(args[++index]);
                    break;
                case "--content" when index + 1 < args.Length:
                    contentDirectory = args[++index];
                    break;
                case "--benchmark":
                    benchmark = true;
                    break;
                case "--tune":
                    tune = true;
                    break;
                case "--iterations" when index + 1 < args.Length:
                    if (!int.TryParse(args[++index], out iterations) || iterations < 1)
                    {
                        Console.Error.WriteLine($"Invalid --iterations value '{args[index]}': expected a positive integer.");
                        return null;
                    }

                    break;
                case "--help" or "-h":
                    Console.WriteLine(Usage);
                    return null;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete option '{args[index]}'.");
                    Console.Error.WriteLine(Usage);
                    return null;
            }
        }

        if (questionFiles.Count == 0)
        {
            Console.Error.WriteLine("Missing --questions FILE.");
            Console.Error.WriteLine(Usage);
            return null;
        }

        return new CommandLine(questionFiles, contentDirectory, benchmark, tune, iterations);
    }

    /// <summary>Returns the content directory from --content, or the nearest 'content' folder above the current directory.</summary>
    public string? ResolveContentDirectory()
    {
        if (ContentDirectory is not null)
        {
            return ContentDirectory;
        }

        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "content");
            if (Directory.Exists(Path.Combine(candidate, "knowledge")))
            {
                return candidate;
            }
        }

        return null;
    }
}
