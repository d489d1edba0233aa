using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SopBot.EndToEndTests.Infrastructure;

/// <summary>
/// A process started by the fixture, with its standard output and error appended to an
/// <see cref="OutputLog"/>. Disposing it kills the whole process tree.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int SignalTerminate = 15;

    private readonly Process _process;

    private ChildProcess(string name, Process process, OutputLog log)
    {
        Name = name;
        _process = process;
        Log = log;
    }

    public string Name { get; }

    public OutputLog Log { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts a process, setting environment variables (or removing those whose value is null).</summary>
    public static ChildProcess Start(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment,
        string workingDirectory,
        OutputLog log)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(key);
            }
            else
            {
                startInfo.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, line) => AppendLine(log, line.Data);
        process.ErrorDataReceived += (_, line) => AppendLine(log, line.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {name}: {fileName} {string.Join(' ', startInfo.ArgumentList)}");
        }

        log.Append($"[harness] started {name} as process {process.Id}: {fileName} {string.Join(' ', startInfo.ArgumentList)}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(name, process, log);
    }

    /// <summary>Waits until a line written after <paramref name="mark"/> matches, and returns it.</summary>
    /// <exception cref="InvalidOperationException">The process exited first.</exception>
    /// <exception cref="TimeoutException">No line matched within <paramref name="timeout"/>.</exception>
    public async Task<string> WaitForLineAsync(int mark, Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Log.FindSince(mark, match) is { } line)
            {
                return line;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready. Output:{Environment.NewLine}{Log.Since(mark)}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds:0} s. Output:{Environment.NewLine}{Log.Since(mark)}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Asks the process to stop with SIGTERM (so that ASP.NET Core runs its shutdown), and kills
    /// the process tree when it has not exited after <paramref name="gracePeriod"/>.
    /// </summary>
    public async Task StopAsync(TimeSpan gracePeriod)
    {
        if (_process.HasExited)
        {
            return;
        }

        if (!OperatingSystem.IsWindows() && SendSignal(_process.Id, SignalTerminate) == 0)
        {
            using var cancellation = new CancellationTokenSource(gracePeriod);
            try
            {
                await _process.WaitForExitAsync(cancellation.Token);
                Log.Append($"[harness] {Name} (process {_process.Id}) exited with code {_process.ExitCode} after SIGTERM");
                return;
            }
            catch (OperationCanceledException)
            {
                Log.Append($"[harness] {Name} did not exit within {gracePeriod.TotalSeconds:0} s of SIGTERM; killing it");
            }
        }

        await KillAsync();
    }

    /// <summary>Kills the process tree at once, like a crash.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        Log.Append($"[harness] killed {Name} (process {_process.Id})");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static void AppendLine(OutputLog log, string? line)
    {
        if (line is not null)
        {
            log.Append(line);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int processId, int signal);
}
