using SopBot.Evaluate;
using SopBot.Knowledge;
using SopBot.Knowledge.Content;
using SopBot.Knowledge.Evaluation;

var commandLine = CommandLine.Parse(args);
if (commandLine is null)
{
    return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
}

var contentDirectory = commandLine.ResolveContentDirectory();
if (contentDirectory is null)
{
    Console.Error.WriteLine("No content directory found above the current directory; pass --content DIR.");
    return 2;
}

List<EvaluationQuestion> questions;
try
{
    questions = commandLine.QuestionFiles.SelectMany(QuestionFile.Read).ToList();
}
catch (Exception exception) when (exception is FormatException or IOException)
{
    Console.Error.WriteLine($"Could not read the question file: {exception.Message}");
    return 2;
}

try
{
    if (commandLine.Benchmark)
    {
        Benchmark.Run(contentDirectory, questions, commandLine.Iterations);
    }
    else if (commandLine.Tune)
    {
        ThresholdTuning.Run(contentDirectory, questions);
    }
    else
    {
        using var knowledgeBase = KnowledgeBase.Load(contentDirectory);
        var report = Evaluator.Run(knowledgeBase, questions);
        ReportPrinter.Print(report, string.Join(", ", commandLine.QuestionFiles), contentDirectory);
    }
}
catch (KnowledgeContentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}

return 0;
