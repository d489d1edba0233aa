using System.Diagnostics;
using System.Net;
using SopBot.Domain.Sop;

namespace SopBot.Benchmarks;

/// <summary>
/// One benchmark run: starts Azurite, the connector stand-in and the bot, warms the bot up,
/// measures the phases and prints the report. Everything it starts is stopped when it returns.
/// </summary>
internal sealed class BenchmarkRun(BenchmarkOptions options, string workDirectory)
{
    // NOTE: an estimate. Tiered JIT compilation optimizes hot methods only after many calls. In trial
    // runs with up to about 800 warm-up requests, the single member was often slower before the load
    // than after it. A request count suits a shared machine better than a duration.
    private const int MinimumWarmUpRequests = 2000;

    private static readonly TimeSpan MaximumWarmUpTime = TimeSpan.FromSeconds(60);

    /// <summary>True when the bot's log and the roster should stay on disk for inspection.</summary>
    public bool KeepWorkDirectory { get; private set; }

    /// <summary>Runs the benchmark and returns the exit code: 0 when every request succeeded, 1 otherwise.</summary>
    public async Task<int> RunAsync(CancellationToken interrupt)
    {
        var roster = BenchmarkRoster.Generate(options.RosterSize);
        var loadMembers = roster.Take(options.Members).ToList();
        var baselineMember = roster[options.Members];
        var warmUpMembers = roster.Skip(options.Members + 1).Take(BenchmarkOptions.WarmUpMembers).ToList();
        var rosterPath = Path.Combine(workDirectory, "roster.csv");
        BenchmarkRoster.Write(rosterPath, roster);
        var botDll = options.BotDll ?? RepositoryPaths.BotDll;
        if (!File.Exists(botDll))
        {
            throw new StartFailedException(options.BotDll is null
                ? $"The bot's dll {botDll} does not exist. Build the benchmark, which builds the bot with it: dotnet build -c Release tools/SopBot.Benchmarks"
                : $"The bot's dll {botDll} given with --bot-dll does not exist.");
        }

        BenchmarkReport.PrintSetup(options, botDll, loadMembers);

        // A failed start leaves the log behind, whichever process failed.
        KeepWorkDirectory = true;
        await using var azurite = await AzuriteProcess.StartAsync(Path.Combine(workDirectory, "azurite"), interrupt);
        await using var connector = await ConnectorStub.StartAsync(interrupt);
        var settings = new BotSettings(
            ChildProcess.FreeLoopbackPort(),
            azurite.ConnectionString,
            "bench" + Guid.NewGuid().ToString("N")[..10],
            rosterPath);
        await using var bot = BotProcess.Start(botDll, settings, Path.Combine(workDirectory, "bot.log"));
        using var http = CreateHttpClient();
        var startWatch = Stopwatch.StartNew();
        await bot.WaitUntilReadyAsync(http, interrupt);
        Console.WriteLine($"Bot ready at {bot.BaseAddress} after {startWatch.Elapsed.TotalSeconds:0.0} s (table prefix {settings.TablePrefix}).");

        var client = new BotClient(http, bot.BaseAddress, connector.ServiceUrl, options.RequestTimeout);
        var phases = new LoadPhases(
            client,
            () => new CpuUsage(ChildProcess.CpuTime(bot.Process), ChildProcess.CpuTime(azurite.Process), Process.GetCurrentProcess().TotalProcessorTime));

        var warmUp = new PhaseLog("warm-up");
        await phases.HealthAsync(warmUp, workers: 4, requestsPerWorker: 25, interrupt);
        for (var round = 1; warmUp.Samples().Count < MinimumWarmUpRequests && warmUp.WallTime < MaximumWarmUpTime; round++)
        {
            await phases.CheckInsAsync(warmUp, warmUpMembers, firstRound: round, rounds: 1, interrupt);
        }

        Console.WriteLine(
            $"Warm-up (not measured): {warmUp.Samples().Count} requests in {warmUp.WallTime.TotalSeconds:0.0} s, "
            + $"{warmUp.Errors().Sum(error => error.Value)} errors.");
        var workingSetAfterWarmUp = bot.WorkingSetBytes();

        var measured = await MeasureAsync(phases, loadMembers, baselineMember, interrupt);

        var report = new BenchmarkReport(warmUp, measured.Phases, measured.CutShortIn, bot, connector, workingSetAfterWarmUp);
        report.Print(options);
        var failed = report.HasFailures;
        KeepWorkDirectory = failed || options.KeepLog;
        return failed ? 1 : 0;
    }

    /// <summary>
    /// Runs the measured phases in order until all are done or the time limit passes: the single
    /// member, the health endpoint, all members at once, and the single member again.
    /// </summary>
    private async Task<(IReadOnlyList<PhaseLog> Phases, string? CutShortIn)> MeasureAsync(
        LoadPhases phases, IReadOnlyList<BenchmarkMember> loadMembers, BenchmarkMember baselineMember, CancellationToken interrupt)
    {
        var members = options.Members;
        var requestsPerWorker = (SopCatalog.ElementCount + 2) * options.Rounds;
        var steps = new (PhaseLog Log, Func<PhaseLog, CancellationToken, Task> Run)[]
        {
            (new PhaseLog("check-in, 1 member, before load"),
                (log, token) => phases.CheckInsAsync(log, [baselineMember], firstRound: 1, options.BaselineRounds, token)),
            (new PhaseLog($"GET /healthz/live, {members} concurrent"),
                (log, token) => phases.HealthAsync(log, members, requestsPerWorker, token)),
            (new PhaseLog($"check-in, {members} members"),
                (log, token) => phases.CheckInsAsync(log, loadMembers, firstRound: 1, options.Rounds, token)),
            (new PhaseLog("check-in, 1 member, after load"),
                (log, token) => phases.CheckInsAsync(log, [baselineMember], options.BaselineRounds + 1, options.BaselineRounds, token)),
        };

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        deadline.CancelAfter(options.TimeLimit);
        var done = new List<PhaseLog>();
        foreach (var (log, run) in steps)
        {
            Console.WriteLine($"Measuring: {log.Name} ...");
            done.Add(log);
            try
            {
                await run(log, deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !interrupt.IsCancellationRequested)
            {
                return (done, log.Name);
            }
        }

        return (done, null);
    }

    private static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        // Traffic goes to 127.0.0.1 only, never through a proxy set in the environment.
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        // Each request has its own timeout (--request-timeout) in BotClient.
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
