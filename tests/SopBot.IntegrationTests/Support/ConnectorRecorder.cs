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
/// bot sends to its serviceUrl and replies with a resource id, as the real service does. It
/// also serves <see cref="Members"/> as the members of every conversation, through the paged
/// members API (GET /v3/conversations/{id}/pagedmembers) and the plain one (…/members).
/// </summary>
public sealed class ConnectorRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ConnectorRecorder(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonObject> Sent { get; } = new();

    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>The members every conversation has, as Teams describes them (TeamsChannelAccount).</summary>
    public List<JsonObject> Members { get; } = [];

    /// <summary>Each members request, oldest first: "pagedmembers {conversation id}{query}" or "members {conversation id}".</summary>
    public ConcurrentQueue<string> MemberRequests { get; } = new();

    /// <summary>A member as the connector lists them: the Teams user id, the name, the AAD object id and the email.</summary>
    public static JsonObject Member(string aadObjectId, string name, string? email = null) => new()
    {
        ["id"] = "29:" + aadObjectId,
        ["name"] = name,
        ["aadObjectId"] = aadObjectId,
        ["email"] = email,
        ["userPrincipalName"] = email,
        ["userRole"] = "user",
    };

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
        app.MapGet("/v3/conversations/{conversationId}/pagedmembers", (string conversationId, HttpRequest request) =>
        {
            recorder.MemberRequests.Enqueue($"pagedmembers {conversationId}{request.QueryString}");
            var pageSize = int.TryParse(request.Query["pageSize"], out var size) && size > 0 ? size : 100;
            var start = int.TryParse(request.Query["continuationToken"], out var token) ? token : 0;
            var members = new JsonArray(recorder.Members.Skip(start).Take(pageSize).Select(member => (JsonNode)member.DeepClone()).ToArray());
            var next = start + pageSize < recorder.Members.Count ? (start + pageSize).ToString() : null;
            return Results.Json(new JsonObject { ["continuationToken"] = next, ["members"] = members });
        });
        app.MapGet("/v3/conversations/{conversationId}/members", (string conversationId) =>
        {
            recorder.MemberRequests.Enqueue($"members {conversationId}");
            return Results.Json(new JsonArray(recorder.Members.Select(member => (JsonNode)member.DeepClone()).ToArray()));
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
