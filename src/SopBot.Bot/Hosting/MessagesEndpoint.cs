using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace SopBot.Bot.Hosting;

/// <summary>POST /api/messages: where Azure Bot Service (or the local emulator) delivers Teams activities.</summary>
public static class MessagesEndpoint
{
    /// <summary>Activities are small; a body over 1 MiB is rejected before it is read.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, ILogger<IBot> logger)
    {
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = MaxBodyBytes;
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            logger.MalformedRequest("body larger than 1 MiB");
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (!IsJson(context.Request.ContentType))
        {
            logger.MalformedRequest("content type is not application/json");
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        try
        {
            await adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted);
        }
        catch (Exception exception) when (IsBadBody(exception) && !context.Response.HasStarted)
        {
            logger.MalformedRequest(exception.GetType().Name);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);

    private static bool IsBadBody(Exception exception) =>
        exception is Newtonsoft.Json.JsonException or BadHttpRequestException or InvalidOperationException or ArgumentException or FormatException;
}
