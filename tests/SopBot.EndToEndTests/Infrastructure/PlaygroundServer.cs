using System.Text.RegularExpressions;

namespace SopBot.EndToEndTests.Infrastructure;

/// <summary>
/// The Microsoft 365 Agents Playground 0.2.28, started through tools/playground/start-playground.cjs
/// on a free loopback port, in the msteams channel, with the mock tenant of
/// tools/playground/m365agentsplayground.yml, and sending activities to <c>appEndpoint</c>.
/// </summary>
internal sealed partial class PlaygroundServer : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly ChildProcess _process;
    private readonly string _logFile;

    private PlaygroundServer(ChildProcess process, int port, string logFile)
    {
        _process = process;
        Port = port;
        _logFile = logFile;
    }

    public int Port { get; }

    public Uri PageUri => new($"http://127.0.0.1:{Port}/");

    /// <summary>
    /// What the Playground wrote to its standard output. When that is not a terminal, version
    /// 0.2.28 writes only "Listening on PORT" there and everything else to its log file.
    /// </summary>
    public OutputLog Log => _process.Log;

    public static async Task<PlaygroundServer> StartAsync(Uri appEndpoint, string workingDirectory, TimeSpan timeout)
    {
        if (!File.Exists(RepositoryPaths.PlaygroundLauncher))
        {
            throw new InvalidOperationException($"The Playground launcher is missing at {RepositoryPaths.PlaygroundLauncher}.");
        }

        var playgroundDirectory = Path.Combine(workingDirectory, "playground");
        Directory.CreateDirectory(playgroundDirectory);
        var logFile = Path.Combine(playgroundDirectory, "m365agentsplayground.log");
        var port = LoopbackPorts.FindFree();
        string[] arguments =
        [
            RepositoryPaths.PlaygroundLauncher,
            "--app-endpoint", appEndpoint.ToString(),
            "--channel-id", "msteams",
            "--port", port.ToString(),
            // The default service URL names localhost, which the bot may resolve to ::1 first.
            "--service-url", $"http://127.0.0.1:{port}/_connector",
            "--disable-telemetry",
        ];
        var environment = new Dictionary<string, string?>
        {
            ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = RepositoryPaths.PlaygroundConfig,
            ["M365_AGENTS_PLAYGROUND_LOGFILE"] = logFile,
        };
        var log = new OutputLog("Playground");
        var process = ChildProcess.Start("Playground", "node", arguments, environment, playgroundDirectory, log);
        var server = new PlaygroundServer(process, port, logFile);
        try
        {
            var line = await process.WaitForLineAsync(0, text => ListeningLine().IsMatch(text), timeout);
            var listeningPort = int.Parse(ListeningLine().Match(line).Groups["port"].Value);
            if (listeningPort != port)
            {
                // Version 0.2.28 moves to a random port when the requested one is taken, which breaks --service-url.
                throw new InvalidOperationException($"The Playground listens on port {listeningPort} instead of the free port {port} it was given; start the tests again.");
            }

            await server.WaitForPingAsync(timeout);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The current size of the Playground's log file in bytes, 0 before it exists.</summary>
    public long LogFileLength => File.Exists(_logFile) ? new FileInfo(_logFile).Length : 0;

    /// <summary>Returns the Playground's log file from byte <paramref name="offset"/> on, and the byte offset of its end.</summary>
    public (string Text, long End) ReadLogFile(long offset)
    {
        try
        {
            using var stream = new FileStream(_logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (offset > stream.Length)
            {
                offset = 0;
            }

            stream.Seek(offset, SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            return (text, stream.Length);
        }
        catch (FileNotFoundException)
        {
            return ($"[no log file at {_logFile}]", 0);
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitForPingAsync(TimeSpan timeout)
    {
        var pingUri = new Uri(PageUri, "/_debug/ping");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                var body = await Http.GetStringAsync(pingUri);
                if (body == "pong")
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or busy starting; checked again below.
            }

            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The Playground did not respond to {pingUri} within {timeout.TotalSeconds:0} s. Output:{Environment.NewLine}{Log.Since(0)}");
            }

            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"^Listening on (?<port>\d+)$")]
    private static partial Regex ListeningLine();
}
