using System.Diagnostics;
using System.Globalization;

namespace SopBot.Benchmarks;

/// <summary>
/// A real Azurite (the npm package in tools/) on free 127.0.0.1 ports, with its data in a
/// folder of its own that is deleted when it stops.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's fixed development account key, the same public value for every installation.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly OutputTail _output = new(40);
    private readonly string _location;
    private readonly int _tablePort;

    private AzuriteProcess(Process process, string location, int blobPort, int queuePort, int tablePort)
    {
        Process = process;
        _location = location;
        _tablePort = tablePort;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public Process Process { get; }

    public string ConnectionString { get; }

    /// <summary>Starts Azurite with its data in <paramref name="location"/> and waits until the table service responds to HTTP.</summary>
    public static async Task<AzuriteProcess> StartAsync(string location, CancellationToken cancellationToken)
    {
        var script = RepositoryPaths.Azurite;
        if (!File.Exists(script))
        {
            throw new StartFailedException($"Azurite is not installed at {script}. Install it with: npm ci --prefix tools");
        }

        Directory.CreateDirectory(location);
        var (blobPort, queuePort, tablePort) = (ChildProcess.FreeLoopbackPort(), ChildProcess.FreeLoopbackPort(), ChildProcess.FreeLoopbackPort());
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     script, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--location", location,
                     "--blobHost", "127.0.0.1", "--blobPort", Port(blobPort),
                     "--queueHost", "127.0.0.1", "--queuePort", Port(queuePort),
                     "--tableHost", "127.0.0.1", "--tablePort", Port(tablePort),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new StartFailedException("Could not start node for Azurite.");
        var azurite = new AzuriteProcess(process, location, blobPort, queuePort, tablePort);
        process.OutputDataReceived += (_, line) => azurite._output.Add(line.Data);
        process.ErrorDataReceived += (_, line) => azurite._output.Add(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await azurite.WaitUntilServingAsync(cancellationToken);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        ChildProcess.Stop(Process);
        Process.Dispose();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
            // The exiting process still has a file open. The operating system cleans the temp folder later.
        }

        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        // Any HTTP response shows that the table service is up. This request carries no
        // credentials, so Azurite 3.37 rejects it with 403.
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var tables = new Uri($"http://127.0.0.1:{_tablePort}/devstoreaccount1/Tables");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (Process.HasExited)
            {
                throw new StartFailedException($"Azurite exited with code {Process.ExitCode} during start-up. Its output:{Environment.NewLine}{_output}");
            }

            try
            {
                using var response = await client.GetAsync(tables, cancellationToken);
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (deadline.Elapsed > StartTimeout)
                {
                    throw new StartFailedException(
                        $"Azurite did not answer on 127.0.0.1:{_tablePort} within {StartTimeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{_output}");
                }

                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Azurite, the connector stand-in or the bot failed to start, for the reason in the message.</summary>
internal sealed class StartFailedException(string message) : Exception(message);
