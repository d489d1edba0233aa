using Azure.Data.Tables;

namespace SopBot.EndToEndTests.Infrastructure;

/// <summary>Azurite (tools/node_modules/azurite) on three free loopback ports, with its data in a temporary folder.</summary>
internal sealed class AzuriteServer : IAsyncDisposable
{
    // The well-known development account that Azurite serves; it is public and protects nothing.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _location;
    private readonly ChildProcess _process;

    private AzuriteServer(ChildProcess process, string location, string connectionString)
    {
        _process = process;
        _location = location;
        ConnectionString = connectionString;
    }

    public OutputLog Log => _process.Log;

    /// <summary>A connection string with the explicit Blob, Queue and Table endpoints of this instance.</summary>
    public string ConnectionString { get; }

    public static async Task<AzuriteServer> StartAsync(string workingDirectory, TimeSpan timeout)
    {
        if (!File.Exists(RepositoryPaths.AzuriteScript))
        {
            throw new InvalidOperationException($"Azurite is not installed at {RepositoryPaths.AzuriteScript}. Run: npm ci --prefix tools");
        }

        var location = Path.Combine(workingDirectory, "azurite");
        Directory.CreateDirectory(location);
        var (blobPort, queuePort, tablePort) = (LoopbackPorts.FindFree(), LoopbackPorts.FindFree(), LoopbackPorts.FindFree());
        string[] arguments =
        [
            RepositoryPaths.AzuriteScript,
            "--silent",
            // Azure.Storage.Queues 12.28 and Blobs 12.30 send an API version that Azurite 3.37 rejects otherwise.
            "--skipApiVersionCheck",
            // Without this flag Azurite 3.37 probes 169.254.169.254 and sends telemetry to applicationinsights.azure.com.
            "--disableTelemetry",
            "--location", location,
            "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(),
        ];
        var process = ChildProcess.Start("Azurite", "node", arguments, new Dictionary<string, string?>(), workingDirectory, new OutputLog("Azurite"));
        var connectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";
        var server = new AzuriteServer(process, location, connectionString);
        try
        {
            await server.WaitUntilTablesRespondAsync(timeout);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
            // A file may still be open while the killed process exits; the temporary folder is left behind.
        }
    }

    private async Task WaitUntilTablesRespondAsync(TimeSpan timeout)
    {
        var service = new TableServiceClient(ConnectionString);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}. Output:{Environment.NewLine}{Log.Since(0)}");
            }

            try
            {
                await foreach (var _ in service.QueryAsync(maxPerPage: 1))
                {
                    break;
                }

                return;
            }
            catch (Exception exception) when (exception is Azure.RequestFailedException or HttpRequestException or AggregateException)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Azurite's Table service did not respond within {timeout.TotalSeconds:0} s: {exception.Message}");
                }

                await Task.Delay(200);
            }
        }
    }
}
