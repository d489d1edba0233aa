using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SopBot.EndToEndTests.Infrastructure;

/// <summary>
/// An HTTP proxy on a free loopback port between the Playground and the bot. It logs every
/// activity with the bot's status code and response body. It can also rewrite what the
/// Playground 0.2.28 cannot change: the locale (always en-US) and the sender (always the
/// config's current user).
/// The bot's replies go straight to the Playground's service URL, not through the proxy.
/// </summary>
internal sealed class ActivityProxy : IAsyncDisposable
{
    private const int MaxLoggedBodyLength = 400;

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] ForwardedHeaders = ["Accept", "Authorization", "x-ms-agents-playground"];

    private readonly HttpListener _listener;
    private readonly Uri _botBase;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(100) };
    private readonly Task _acceptLoop;

    private ActivityProxy(HttpListener listener, int port, Uri botBase)
    {
        _listener = listener;
        Port = port;
        _botBase = botBase;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public Uri MessagesEndpoint => new($"http://127.0.0.1:{Port}/api/messages");

    /// <summary>One line per request: the activity, what the proxy changed, and the bot's status code.</summary>
    public OutputLog Log { get; } = new("Activities");

    /// <summary>The locale written into each activity's <c>locale</c> and clientInfo entity, or null to pass en-US through.</summary>
    public string? Locale { get; set; }

    /// <summary>The user put in place of the Playground's current user as the sender, or null to pass the sender through.</summary>
    public PlaygroundUser? Sender { get; set; }

    /// <summary>Starts forwarding to the bot at <paramref name="botBase"/> (scheme, host and port).</summary>
    public static ActivityProxy Start(Uri botBase)
    {
        var port = LoopbackPorts.FindFree();
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        return new ActivityProxy(listener, port, botBase);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _acceptLoop;
        }
        catch (HttpListenerException)
        {
            // GetContextAsync fails this way once the listener stops.
        }
        catch (ObjectDisposedException)
        {
            // Likewise, on some platforms.
        }

        _http.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            _ = Task.Run(() => ForwardAsync(context));
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var started = Stopwatch.StartNew();
        string summary = $"{request.HttpMethod} {request.Url?.PathAndQuery}";
        try
        {
            using var buffer = new MemoryStream();
            await request.InputStream.CopyToAsync(buffer);
            var body = buffer.ToArray();
            if (request.HttpMethod == "POST" && body.Length > 0)
            {
                (body, summary) = RewriteActivity(body);
            }

            using var forward = new HttpRequestMessage(new HttpMethod(request.HttpMethod), new Uri(_botBase, request.Url!.PathAndQuery));
            if (body.Length > 0)
            {
                forward.Content = new ByteArrayContent(body);
                forward.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType ?? "application/json");
            }

            foreach (var name in ForwardedHeaders)
            {
                if (request.Headers[name] is { } value)
                {
                    forward.Headers.TryAddWithoutValidation(name, value);
                }
            }

            using var response = await _http.SendAsync(forward);
            var responseBody = await response.Content.ReadAsByteArrayAsync();
            context.Response.StatusCode = (int)response.StatusCode;
            if (response.Content.Headers.ContentType is { } contentType)
            {
                context.Response.ContentType = contentType.ToString();
            }

            // A fixed length keeps HttpListener from chunking. A chunked response to HEAD carries a
            // terminating chunk, which the Playground then reads as the start of the next response.
            context.Response.ContentLength64 = responseBody.Length;
            if (request.HttpMethod != "HEAD")
            {
                await context.Response.OutputStream.WriteAsync(responseBody);
            }

            var loggedBody = responseBody.Length == 0 ? string.Empty : " " + Shorten(Encoding.UTF8.GetString(responseBody));
            Log.Append($"{DateTime.Now:HH:mm:ss.fff} {summary} -> {(int)response.StatusCode} in {started.ElapsedMilliseconds} ms{loggedBody}");
        }
        catch (HttpRequestException exception)
        {
            // The bot is down, for example during a restart, so the Playground gets 502 Bad Gateway.
            context.Response.StatusCode = (int)HttpStatusCode.BadGateway;
            Log.Append($"{DateTime.Now:HH:mm:ss.fff} {summary} -> 502, the bot is unreachable: {exception.Message}");
        }
        catch (Exception exception) when (exception is HttpListenerException or IOException or JsonException)
        {
            Log.Append($"{DateTime.Now:HH:mm:ss.fff} {summary} -> proxy failed: {exception.GetType().Name}: {exception.Message}");
            TrySetStatus(context, HttpStatusCode.InternalServerError);
        }
        finally
        {
            try
            {
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
                // The Playground closed the connection first.
            }
        }
    }

    /// <summary>Applies <see cref="Locale"/> and <see cref="Sender"/> to one activity, and describes it for the log.</summary>
    private (byte[] Body, string Summary) RewriteActivity(byte[] body)
    {
        if (JsonNode.Parse(body) is not JsonObject activity)
        {
            return (body, "POST with a body that is not a JSON object");
        }

        var changes = new List<string>();
        if (Locale is { } locale)
        {
            activity["locale"] = locale;
            foreach (var entity in (activity["entities"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if ((string?)entity["type"] == "clientInfo")
                {
                    entity["locale"] = locale;
                }
            }

            changes.Add($"locale {locale}");
        }

        if (Sender is { } sender)
        {
            var replaced = ReplaceCurrentUser(activity["from"] as JsonObject, sender);
            foreach (var member in (activity["membersAdded"] as JsonArray ?? []).OfType<JsonObject>())
            {
                replaced |= ReplaceCurrentUser(member, sender);
            }

            if (replaced)
            {
                changes.Add($"sender {sender.Id}");
            }
        }

        var summary = Describe(activity) + (changes.Count == 0 ? string.Empty : $" [proxy set {string.Join(", ", changes)}]");
        return changes.Count == 0 ? (body, summary) : (Encoding.UTF8.GetBytes(activity.ToJsonString(JsonOptions)), summary);
    }

    private static bool ReplaceCurrentUser(JsonObject? account, PlaygroundUser sender)
    {
        if (account is null || (string?)account["id"] != PlaygroundUser.AnaSouza.Id)
        {
            return false;
        }

        account["id"] = sender.Id;
        account["aadObjectId"] = sender.AadObjectId;
        if (account.ContainsKey("name"))
        {
            account["name"] = sender.Name;
        }

        return true;
    }

    private static string Describe(JsonObject activity)
    {
        var type = (string?)activity["type"] ?? "(no type)";
        var name = (string?)activity["name"];
        var from = (string?)activity["from"]?["id"];
        var conversation = (string?)activity["conversation"]?["id"];
        var detail = type switch
        {
            "message" => activity["value"] is { } value ? $"value {Shorten(value.ToJsonString(JsonOptions))}" : $"text \"{Shorten((string?)activity["text"] ?? string.Empty)}\"",
            "invoke" => $"value {Shorten(activity["value"]?.ToJsonString(JsonOptions) ?? "null")}",
            _ => string.Empty,
        };
        return $"{type}{(name is null ? string.Empty : "/" + name)} from {from} in {conversation} ({(string?)activity["locale"]}) {detail}".TrimEnd();
    }

    private static string Shorten(string text) =>
        text.Length <= MaxLoggedBodyLength ? text : string.Concat(text.AsSpan(0, MaxLoggedBodyLength), "…");

    private static void TrySetStatus(HttpListenerContext context, HttpStatusCode status)
    {
        try
        {
            context.Response.StatusCode = (int)status;
        }
        catch (InvalidOperationException)
        {
            // The headers were already sent.
        }
    }
}
