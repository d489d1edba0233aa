using System.Globalization;

namespace SopBot.Benchmarks;

/// <summary>Parsed command-line options.</summary>
internal sealed record BenchmarkOptions(
    int Members,
    int Rounds,
    int BaselineRounds,
    int RosterSize,
    TimeSpan TimeLimit,
    TimeSpan RequestTimeout,
    string? BotDll,
    bool KeepLog)
{
    public const int DefaultMembers = 50;
    public const int DefaultRounds = 3;
    public const int DefaultBaselineRounds = 10;
    public const int DefaultRosterSize = 200;
    public const int DefaultTimeLimitSeconds = 600;
    public const int DefaultRequestTimeoutSeconds = 30;

    /// <summary>Roster members, besides the load members and the baseline member, whose check-ins warm the bot up.</summary>
    public const int WarmUpMembers = 4;

    public const string Usage = """
        Usage: dotnet run -c Release --project tools/SopBot.Benchmarks -- [options]

        Starts Azurite and the bot (src/SopBot.Bot, built with this tool in the same configuration)
        on free 127.0.0.1 ports, then measures the latency of Adaptive Card Action.Execute invokes
        at POST /api/messages while virtual members check in at the same time, next to two
        baselines from the same run: one member alone and GET /healthz/live at the same concurrency.

        Options:
          --members N          virtual members checking in at the same time (default 50)
          --rounds R           full check-ins per virtual member, one after another (default 3)
          --baseline-rounds B  full check-ins by the single member, before and after the load (default 10)
          --roster-size M      members in the generated roster; at least N + 5 (default 200, or N + 5 if larger)
          --time-limit S       seconds allowed for all measured phases together (default 600)
          --request-timeout S  seconds before one request counts as an error (default 30)
          --bot-dll PATH       run this SopBot.Bot.dll instead of the one built with the tool
          --keep-log           keep the bot's log and the roster file after a successful run
          --help               show this text

        Exit code: 0 when every request succeeded, 1 when any request failed (HTTP 5xx or other
        non-success status, timeout, a card other than the expected check-in card), the bot
        exited or the time limit cut the run short, 2 for invalid options or a failed start,
        130 after Ctrl+C or SIGTERM. Conflicts are counted, not failures.
        """;

    /// <summary>Parses the arguments, or returns null and writes the problem to standard error.</summary>
    public static BenchmarkOptions? Parse(string[] args)
    {
        var members = DefaultMembers;
        var rounds = DefaultRounds;
        var baselineRounds = DefaultBaselineRounds;
        int? rosterSize = null;
        var timeLimitSeconds = DefaultTimeLimitSeconds;
        var requestTimeoutSeconds = DefaultRequestTimeoutSeconds;
        string? botDll = null;
        var keepLog = false;

        for (var index = 0; index < args.Length; index++)
        {
            var option = args[index];
            switch (option)
            {
                case "--members" or "--rounds" or "--baseline-rounds" or "--roster-size" or "--time-limit" or "--request-timeout":
                    if (index + 1 >= args.Length || !TryParsePositive(args[index + 1], out var value))
                    {
                        var valueText = index + 1 < args.Length ? $"'{args[index + 1]}'" : "(missing)";
                        Console.Error.WriteLine($"Invalid {option} value {valueText}: expected a positive integer.");
                        return null;
                    }

                    index++;
                    switch (option)
                    {
                        case "--members":
                            members = value;
                            break;
                        case "--rounds":
                            rounds = value;
                            break;
                        case "--baseline-rounds":
                            baselineRounds = value;
                            break;
                        case "--roster-size":
                            rosterSize = value;
                            break;
                        case "--time-limit":
                            timeLimitSeconds = value;
                            break;
                        default:
                            requestTimeoutSeconds = value;
                            break;
                    }

                    break;
                case "--bot-dll" when index + 1 < args.Length:
                    botDll = Path.GetFullPath(args[++index]);
                    break;
                case "--keep-log":
                    keepLog = true;
                    break;
                case "--help" or "-h":
                    Console.WriteLine(Usage);
                    return null;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete option '{option}'.");
                    Console.Error.WriteLine(Usage);
                    return null;
            }
        }

        var minimumRosterSize = members + 1 + WarmUpMembers;
        if (rosterSize is { } requested && requested < minimumRosterSize)
        {
            Console.Error.WriteLine(
                $"Invalid --roster-size {requested}: it must be at least {minimumRosterSize} "
                + $"({members} load members, 1 baseline member and {WarmUpMembers} warm-up members).");
            return null;
        }

        return new BenchmarkOptions(
            members,
            rounds,
            baselineRounds,
            rosterSize ?? Math.Max(DefaultRosterSize, minimumRosterSize),
            TimeSpan.FromSeconds(timeLimitSeconds),
            TimeSpan.FromSeconds(requestTimeoutSeconds),
            botDll,
            keepLog);
    }

    private static bool TryParsePositive(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
}
