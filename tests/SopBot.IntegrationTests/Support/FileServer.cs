using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SopBot.IntegrationTests.Support;

/// <summary>
/// Serves files from memory on a loopback port, standing in for the SharePoint download URL of
/// a file a user sends to the bot in Teams. Records the path of every request.
/// </summary>
public sealed class FileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FileServer(WebApplication app) => _app = app;

    /// <summary>The files by path, such as "/roster.csv".</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    public ConcurrentQueue<string> Requests { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<FileServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FileServer(app);
        app.MapGet("/{**path}", async (HttpContext context) =>
        {
            var path = context.Request.Path.Value ?? "/";
            server.Requests.Enqueue(path);
            if (!server.Files.TryGetValue(path, out var content))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(content);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/');
        return server;
    }

    /// <summary>Serves <paramref name="content"/> at /<paramref name="name"/> and returns its URL.</summary>
    public string Serve(string name, byte[] content)
    {
        Files["/" + name] = content;
        return $"{BaseUrl}/{name}";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
