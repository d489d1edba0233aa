using System.Globalization;
using System.Text.Json.Nodes;

namespace SopBot.Benchmarks;

/// <summary>Prints the setup before a run, and after it the results table, memory, CPU and every error.</summary>
internal sealed class BenchmarkReport(
    PhaseLog warmUp,
    IReadOnlyList<PhaseLog> phases,
    string? cutShortIn,
    BotProcess bot,
    ConnectorStub connector,
    long? workingSetAfterWarmUp)
{
    // NOTE: Teams documents five seconds for message-extension invokes (composeExtension/submitAction).
    // No separate figure for adaptiveCard/action invokes was found, so this assumes the same limit.
    private static readonly TimeSpan TeamsInvokeLimit = TimeSpan.FromSeconds(5);

    private const int ErrorKindsShown = 10;

    private static readonly string[] Verbs = ["checkin.start", "checkin.open", "checkin.save"];

    public bool HasFailures =>
        cutShortIn is not null || bot.Process.HasExited || warmUp.Errors().Count > 0 || phases.Any(phase => phase.Errors().Count > 0);

    public static void PrintSetup(BenchmarkOptions options, string botDll, IReadOnlyList<BenchmarkMember> loadMembers)
    {
        var countries = loadMembers.GroupBy(member => member.CountryIso3).ToList();
        Console.WriteLine("SopBot card-action benchmark");
        Console.WriteLine(
            $"Machine: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}; "
            + $"load average at start {LoadAverage()}");
        Console.WriteLine($"Bot: {botDll} ({Configuration(botDll)} build), Azurite {AzuriteVersion()}, all on 127.0.0.1");
        Console.WriteLine(
            $"Load: {options.Members} members in {countries.Count} countries (up to {countries.Max(country => country.Count())} per country), "
            + $"check-ins per member: {options.Rounds}; baseline: 1 member with {options.BaselineRounds} check-ins before and after the load; "
            + $"roster of {options.RosterSize}");
        Console.WriteLine($"Time limit {options.TimeLimit.TotalSeconds:0} s for the measured phases, {options.RequestTimeout.TotalSeconds:0} s per request");
        Console.WriteLine();
    }

    public void Print(BenchmarkOptions options)
    {
        Console.WriteLine();
        if (cutShortIn is not null)
        {
            Console.WriteLine($"The time limit of {options.TimeLimit.TotalSeconds:0} s passed during \"{cutShortIn}\": that phase and the ones after it are incomplete or missing.");
        }

        ResultTable.Print(Rows());
        Console.WriteLine();
        PrintInvokeLimit();
        PrintAbandonedCheckIns();
        PrintMemory();
        PrintCpu();
        PrintBotLog();
        Console.WriteLine($"Load average at the end: {LoadAverage()}");
        PrintErrors();
    }

    private List<ResultRow> Rows()
    {
        var rows = new List<ResultRow>();
        foreach (var phase in phases)
        {
            var samples = phase.Samples();
            rows.Add(ResultRow.From(phase.Name, samples, phase.WallTime));
            var verbs = samples.Select(sample => sample.Operation).Distinct().ToList();
            if (verbs.Count > 1)
            {
                foreach (var verb in Verbs.Where(verbs.Contains))
                {
                    rows.Add(ResultRow.From("  " + verb, samples.Where(sample => sample.Operation == verb).ToList(), phase.WallTime));
                }
            }
        }

        return rows;
    }

    private void PrintInvokeLimit()
    {
        foreach (var phase in phases)
        {
            var invokes = phase.Samples().Where(sample => sample.Operation.StartsWith("checkin.", StringComparison.Ordinal)).ToList();
            if (invokes.Count == 0)
            {
                continue;
            }

            var slow = invokes.Count(sample => sample.Milliseconds > TeamsInvokeLimit.TotalMilliseconds);
            Console.WriteLine($"Invokes slower than {TeamsInvokeLimit.TotalSeconds:0} s, {phase.Name}: {slow} of {invokes.Count}");
        }
    }

    private void PrintAbandonedCheckIns()
    {
        foreach (var phase in phases.Where(phase => phase.AbandonedCheckIns > 0))
        {
            Console.WriteLine(
                $"Check-ins abandoned after more than {CheckInSession.MaxConflictsPerElement} conflicts in a row on one element, "
                + $"{phase.Name}: {phase.AbandonedCheckIns}");
        }
    }

    private void PrintMemory()
    {
        Console.WriteLine(
            $"Bot memory: peak working set (VmHWM) {MiB(bot.PeakWorkingSetBytes())}; "
            + $"working set (VmRSS) {MiB(workingSetAfterWarmUp)} after warm-up, {MiB(bot.WorkingSetBytes())} at the end");
    }

    private void PrintCpu()
    {
        Console.WriteLine("CPU seconds per phase (bot / Azurite / benchmark; cores busy = CPU seconds / wall seconds):");
        foreach (var phase in phases.Prepend(warmUp))
        {
            var cpu = phase.Cpu;
            var wall = phase.WallTime.TotalSeconds;
            var total = cpu.Bot + cpu.Azurite + cpu.Benchmark;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {phase.Name}: {wall:0.00} s wall, {cpu.Bot.TotalSeconds:0.0} / {cpu.Azurite.TotalSeconds:0.0} / {cpu.Benchmark.TotalSeconds:0.0} s CPU, "
                + $"{(wall > 0 ? total.TotalSeconds / wall : 0):0.00} cores busy"));
        }
    }

    private void PrintBotLog()
    {
        var counts = bot.LogCounts;
        var counted = phases.Prepend(warmUp).Sum(phase => phase.Samples().Count(sample => sample.Outcome == Outcome.Conflict));
        Console.WriteLine(
            $"Bot log: {counts.Errors} errors, {counts.Warnings} warnings (one is the anonymous-mode notice at start-up), "
            + $"{counts.Conflicts} conflicts logged; the benchmark counted {counted} conflicts");
        Console.WriteLine($"Activities the bot sent to the connector stand-in: {connector.Received}");
        if (bot.Process.HasExited)
        {
            Console.WriteLine($"The bot exited during the run with code {bot.Process.ExitCode}. Its log shows why.");
        }
    }

    private void PrintErrors()
    {
        foreach (var phase in phases.Prepend(warmUp))
        {
            var errors = phase.Errors();
            if (errors.Count == 0)
            {
                continue;
            }

            Console.WriteLine($"Errors in {phase.Name}:");
            foreach (var (description, count) in errors.Take(ErrorKindsShown))
            {
                Console.WriteLine($"  {count} x {description}");
            }

            if (errors.Count > ErrorKindsShown)
            {
                Console.WriteLine($"  ... and {errors.Count - ErrorKindsShown} more kinds of error");
            }
        }
    }

    private static string MiB(long? bytes) =>
        bytes is { } value ? string.Create(CultureInfo.InvariantCulture, $"{value / 1024.0 / 1024.0:0.0} MiB") : "unknown (no /proc)";

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static string Configuration(string botDll) =>
        botDll.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release"
        : botDll.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug (not representative)"
        : "unknown";

    private static string AzuriteVersion()
    {
        try
        {
            var package = Path.Combine(Path.GetDirectoryName(RepositoryPaths.Azurite)!, "..", "..", "package.json");
            return JsonNode.Parse(File.ReadAllText(package))?["version"]?.GetValue<string>() ?? "of unknown version";
        }
        catch (Exception exception) when (exception is IOException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return "of unknown version";
        }
    }
}
