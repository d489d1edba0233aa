using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace SopBot.Benchmarks;

/// <summary>Settings that the benchmark passes to the bot as environment variables.</summary>
internal sealed record BotSettings(int Port, string StorageConnectionString, string TablePrefix, string RosterCsvPath);

/// <summary>Lines of the bot's console log, counted by level, and the check-in conflicts it logged.</summary>
internal sealed record BotLogCounts(int Warnings, int Errors, int Conflicts);

/// <summary>
/// The bot run from its built dll as a separate process, in anonymous local mode on
/// 127.0.0.1. Everything it writes to the console goes to a log file.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly StreamWriter _log;
    private readonly OutputTail _tail = new(40);
    private int _warnings;
    private int _errors;
    private int _conflicts;
    private bool _logClosed;

    private BotProcess(Process process, Uri baseAddress, StreamWriter log)
    {
        Process = process;
        BaseAddress = baseAddress;
        _log = log;
    }

    public Process Process { get; }

    public Uri BaseAddress { get; }

    public BotLogCounts LogCounts => new(Volatile.Read(ref _warnings), Volatile.Read(ref _errors), Volatile.Read(ref _conflicts));

    public static BotProcess Start(string dll, BotSettings settings, string logPath)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{settings.Port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root, where appsettings.json is read from, is the working directory.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Bot__AllowInsecureAnonymousLocalMode"] = "true";

        // Credentials inherited from the shell would turn anonymous mode into a start-up error.
        start.Environment["Bot__MicrosoftAppId"] = string.Empty;
        start.Environment["Bot__MicrosoftAppPassword"] = string.Empty;
        start.Environment["Bot__MicrosoftAppTenantId"] = string.Empty;
        start.Environment["Storage__ConnectionString"] = settings.StorageConnectionString;
        start.Environment["Storage__TablePrefix"] = settings.TablePrefix;
        start.Environment["Roster__CsvPath"] = settings.RosterCsvPath;

        var log = new StreamWriter(logPath) { AutoFlush = false };
        var process = Process.Start(start);
        if (process is null)
        {
            log.Dispose();
            throw new StartFailedException("Could not start 'dotnet' for the bot.");
        }

        var bot = new BotProcess(process, baseAddress, log);
        process.OutputDataReceived += (_, line) => bot.Record(line.Data);
        process.ErrorDataReceived += (_, line) => bot.Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Waits until GET /healthz/ready returns 200, which means the tables exist and the roster is loaded.</summary>
    public async Task WaitUntilReadyAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var ready = new Uri(BaseAddress, "healthz/ready");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (Process.HasExited)
            {
                throw new StartFailedException($"The bot exited with code {Process.ExitCode} during start-up. Its last output:{Environment.NewLine}{_tail}");
            }

            try
            {
                using var response = await client.GetAsync(ready, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > StartTimeout)
            {
                throw new StartFailedException(
                    $"The bot was not ready at {ready} within {StartTimeout.TotalSeconds:0} s. Its last output:{Environment.NewLine}{_tail}");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>Returns the peak resident set size (VmHWM in /proc/PID/status) in bytes, or null where /proc is not available.</summary>
    public long? PeakWorkingSetBytes() => ReadProcStatusKilobytes("VmHWM") * 1024;

    /// <summary>Returns the current resident set size (VmRSS in /proc/PID/status) in bytes, or null where /proc is not available.</summary>
    public long? WorkingSetBytes() => ReadProcStatusKilobytes("VmRSS") * 1024;

    public ValueTask DisposeAsync()
    {
        ChildProcess.Stop(Process);
        Process.Dispose();
        lock (_log)
        {
            _logClosed = true;
            _log.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private long? ReadProcStatusKilobytes(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Process.Id.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                // For example "VmHWM:	  182340 kB".
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var value = line[(field.Length + 1)..].Trim();
                    var number = value.EndsWith(" kB", StringComparison.Ordinal) ? value[..^3].Trim() : value;
                    return long.Parse(number, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Not on Linux, or the process has exited.
        }

        return null;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        // The console logger starts each entry with its level: "warn: ", "fail: " (error) or "crit: ".
        if (line.StartsWith("warn:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _warnings);
        }
        else if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _errors);
        }
        else if (line.Contains("conflict on element", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _conflicts);
        }

        _tail.Add(line);
        lock (_log)
        {
            // Output can still arrive from the reader threads after the log is closed.
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }
}
