using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SopBot.Benchmarks;

/// <summary>
/// Stands in for the Bot Connector service on a 127.0.0.1 port, so that the serviceUrl of every
/// activity points at loopback. The bot returns the card for an invoke in its HTTP response, so
/// it should send nothing here during the benchmark. The count shows whether it did.
/// </summary>
internal sealed class ConnectorStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _received;

    private ConnectorStub(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Activities the bot sent to the conversations API since the start.</summary>
    public int Received => Volatile.Read(ref _received);

    public static async Task<ConnectorStub> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new ConnectorStub(app);
        app.MapPost("/v3/conversations/{**rest}", () =>
        {
            Interlocked.Increment(ref stub._received);
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub.ServiceUrl = address.TrimEnd('/') + "/";
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
