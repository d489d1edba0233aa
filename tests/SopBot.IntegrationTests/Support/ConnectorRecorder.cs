using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SopBot.IntegrationTests.Support;

/// <summary>
/// Stands in for the Bot Connector service on a loopback port: records every activity the
/// bot sends to its serviceUrl and answers with a resource id, as the real service does.
/// </summary>
public sealed class ConnectorRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ConnectorRecorder(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonObject> Sent { get; } = new();

    public string ServiceUrl { get; private set; } = string.Empty;

    public static async Task<ConnectorRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var recorder = new ConnectorRecorder(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**rest}", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            recorder.Sent.Enqueue(body!.AsObject());
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        recorder.ServiceUrl = address.TrimEnd('/') + "/";
        return recorder;
    }

    /// <summary>The Adaptive Cards the bot sent, oldest first.</summary>
    public IReadOnlyList<JsonObject> SentCards() =>
        Sent.SelectMany(activity => activity["attachments"]?.AsArray() ?? [])
            .Select(attachment => attachment!["content"]!.AsObject())
            .ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
