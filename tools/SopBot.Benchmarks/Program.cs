using System.Runtime.InteropServices;
using SopBot.Benchmarks;

var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
}

// Ctrl+C and SIGTERM cancel the run, and the disposals on the way out stop Azurite and the bot.
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    eventArgs.Cancel = true;
    interrupt.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    interrupt.Cancel();
});

var workDirectory = Directory.CreateTempSubdirectory("sopbot-benchmark-").FullName;
var run = new BenchmarkRun(options, workDirectory);
try
{
    return await run.RunAsync(interrupt.Token);
}
catch (StartFailedException exception)
{
    Console.Error.WriteLine($"Start failed: {exception.Message}");
    return 2;
}
catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted: Azurite and the bot were stopped, and no results were printed.");
    return 130;
}
finally
{
    if (run.KeepWorkDirectory)
    {
        Console.Error.WriteLine($"The bot's log and the roster are kept in {workDirectory}");
    }
    else
    {
        Directory.Delete(workDirectory, recursive: true);
    }
}
