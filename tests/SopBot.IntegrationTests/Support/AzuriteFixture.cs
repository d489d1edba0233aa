using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Data.Tables;

namespace SopBot.IntegrationTests.Support;

/// <summary>
/// A real Azurite (npm package in tools/) on free loopback ports, with its data in a temporary
/// folder, started once for the test collection and stopped at the end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _location;

    public string ConnectionString { get; private set; } = string.Empty;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        var azurite = Path.Combine(RepositoryPaths.Tools, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}. Run: npm ci --prefix tools");
        }

        _location = Directory.CreateTempSubdirectory("sopbot-azurite-").FullName;
        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     azurite, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--location", _location,
                     "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(),
                     "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(),
                     "--tableHost", "127.0.0.1", "--tablePort", table.ToString(),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        await WaitUntilReadyAsync();
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        if (_location is not null)
        {
            try
            {
                Directory.Delete(_location, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the exiting process; the temp folder is cleaned by the OS later.
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A fresh table prefix, so that each test sees empty tables.</summary>
    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public TableServiceClient TableService() => new(ConnectionString);

    private async Task WaitUntilReadyAsync()
    {
        var service = TableService();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}: {Output}");
            }

            try
            {
                await foreach (var _ in service.QueryAsync(maxPerPage: 1))
                {
                    break;
                }

                return;
            }
            catch (Exception exception) when (exception is Azure.RequestFailedException or HttpRequestException or AggregateException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
