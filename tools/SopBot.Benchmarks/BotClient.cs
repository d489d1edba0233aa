using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SopBot.Benchmarks;

/// <summary>The result of one invoke: its latency, and the card or the reason it failed.</summary>
internal sealed record InvokeResult(double Milliseconds, CheckInCard? Card, string? Error);

/// <summary>Sends timed requests to the bot over one shared HTTP connection pool.</summary>
internal sealed class BotClient(HttpClient http, Uri baseAddress, string serviceUrl, TimeSpan requestTimeout)
{
    private const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    private readonly Uri _messages = new(baseAddress, "api/messages");
    private readonly Uri _live = new(baseAddress, "healthz/live");

    /// <summary>
    /// Posts an Action.Execute invoke to /api/messages and reads the card from the invoke response.
    /// Throws <see cref="OperationCanceledException"/> only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task<InvokeResult> ExecuteAsync(BenchmarkMember member, string verb, JsonObject data, CancellationToken cancellationToken)
    {
        var body = TeamsActivities.Execute(serviceUrl, member, verb, data).ToJsonString();
        using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        var (milliseconds, status, text, failure) = await SendAsync(new HttpRequestMessage(HttpMethod.Post, _messages) { Content = content }, cancellationToken);
        if (failure is not null)
        {
            return new InvokeResult(milliseconds, null, failure);
        }

        if (status != HttpStatusCode.OK)
        {
            return new InvokeResult(milliseconds, null, $"HTTP {(int)status}");
        }

        return ReadCard(milliseconds, text);
    }

    /// <summary>Sends GET /healthz/live and returns its latency, with null or the reason it failed.</summary>
    public async Task<(double Milliseconds, string? Error)> GetLiveAsync(CancellationToken cancellationToken)
    {
        var (milliseconds, status, _, failure) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, _live), cancellationToken);
        return (milliseconds, failure ?? (status == HttpStatusCode.OK ? null : $"HTTP {(int)status}"));
    }

    private async Task<(double Milliseconds, HttpStatusCode Status, string Text, string? Failure)> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(requestTimeout);
        var start = Stopwatch.GetTimestamp();
        try
        {
            using (request)
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, response.StatusCode, text, null);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, 0, string.Empty, $"timed out after {requestTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException exception)
        {
            var reason = exception.HttpRequestError == HttpRequestError.Unknown ? exception.Message : exception.HttpRequestError.ToString();
            return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, 0, string.Empty, $"request failed: {reason}");
        }
    }

    private static InvokeResult ReadCard(double milliseconds, string text)
    {
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return new InvokeResult(milliseconds, null, "the invoke response is not a JSON object");
        }

        if (body["statusCode"] is JsonValue code && code.TryGetValue<int>(out var statusCode) && statusCode != 200)
        {
            return new InvokeResult(milliseconds, null, $"the invoke response has statusCode {statusCode}");
        }

        var isCard = body["type"] is JsonValue type && type.TryGetValue<string>(out var contentType) && contentType == AdaptiveCardContentType;
        if (!isCard || body["value"] is not JsonObject card)
        {
            return new InvokeResult(milliseconds, null, "the invoke response has no Adaptive Card");
        }

        return new InvokeResult(milliseconds, CheckInCard.Read(card), null);
    }
}
