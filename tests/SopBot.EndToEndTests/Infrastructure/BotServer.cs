namespace SopBot.EndToEndTests.Infrastructure;

/// <summary>
/// The built bot (src/SopBot.Bot/bin/&lt;Configuration&gt;/net10.0/SopBot.Bot.dll) run with
/// <c>dotnet</c> on a free loopback port, in anonymous local mode, against Azurite. It can be
/// stopped and started again on the same port and storage, like a restart in production.
/// </summary>
internal sealed class BotServer : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Dictionary<string, string?> _environment;
    private readonly string _workingDirectory;
    private ChildProcess? _process;

    private BotServer(int port, Dictionary<string, string?> environment, string workingDirectory)
    {
        Port = port;
        _environment = environment;
        _workingDirectory = workingDirectory;
    }

    public int Port { get; }

    public Uri MessagesEndpoint => new($"http://127.0.0.1:{Port}/api/messages");

    /// <summary>The output of every bot process this server started, restarts included.</summary>
    public OutputLog Log { get; } = new("Bot");

    public static async Task<BotServer> StartAsync(string storageConnectionString, string tablePrefix, string rosterCsvPath, TimeSpan timeout)
    {
        if (!File.Exists(RepositoryPaths.BotAssembly))
        {
            throw new InvalidOperationException(
                $"The bot is not built at {RepositoryPaths.BotAssembly}. Run: dotnet build src/SopBot.Bot -c {RepositoryPaths.Configuration}");
        }

        var port = LoopbackPorts.FindFree();
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Bot__AllowInsecureAnonymousLocalMode"] = "true",
            ["Bot__MicrosoftAppId"] = string.Empty,
            ["Bot__MicrosoftAppPassword"] = string.Empty,
            ["Storage__ConnectionString"] = storageConnectionString,
            ["Storage__TablePrefix"] = tablePrefix,
            ["Roster__CsvPath"] = rosterCsvPath,
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        var server = new BotServer(port, environment, Path.GetDirectoryName(RepositoryPaths.BotAssembly)!);
        try
        {
            await server.StartProcessAsync(timeout);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the bot and starts it again on the same port and storage. A graceful stop sends
    /// SIGTERM and waits up to 10 s; <paramref name="crash"/> kills the process at once instead.
    /// </summary>
    public async Task RestartAsync(bool crash, TimeSpan timeout)
    {
        if (_process is not null)
        {
            if (crash)
            {
                await _process.KillAsync();
            }
            else
            {
                await _process.StopAsync(TimeSpan.FromSeconds(10));
            }

            await _process.DisposeAsync();
            _process = null;
        }

        await StartProcessAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(5));
            await _process.DisposeAsync();
            _process = null;
        }
    }

    private async Task StartProcessAsync(TimeSpan timeout)
    {
        var mark = Log.Mark;
        _process = ChildProcess.Start("Bot", "dotnet", [RepositoryPaths.BotAssembly], _environment, _workingDirectory, Log);
        await WaitUntilReadyAsync(_process, mark, timeout);
    }

    /// <summary>Waits until /healthz/ready returns 200, which means the bot has created its tables, loaded the roster and reached storage.</summary>
    private async Task WaitUntilReadyAsync(ChildProcess process, int mark, TimeSpan timeout)
    {
        var readyUri = new Uri($"http://127.0.0.1:{Port}/healthz/ready");
        var deadline = DateTime.UtcNow + timeout;
        var lastProblem = "no response yet";
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The bot exited with code {process.ExitCode} before it was ready. Output:{Environment.NewLine}{Log.Since(mark)}");
            }

            try
            {
                using var response = await Http.GetAsync(readyUri);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                lastProblem = $"{readyUri} returned {(int)response.StatusCode}";
            }
            catch (HttpRequestException exception)
            {
                lastProblem = exception.Message;
            }
            catch (TaskCanceledException)
            {
                lastProblem = $"{readyUri} did not respond within {Http.Timeout.TotalSeconds:0} s";
            }

            await Task.Delay(200);
        }

        throw new TimeoutException(
            $"The bot was not ready within {timeout.TotalSeconds:0} s ({lastProblem}). Output:{Environment.NewLine}{Log.Since(mark)}");
    }
}
