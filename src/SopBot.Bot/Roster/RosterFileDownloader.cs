using System.Net;
using Microsoft.Extensions.Options;
using SopBot.Bot.Hosting;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Roster;

/// <summary>The outcome of downloading a roster file that a user sent in Teams.</summary>
public abstract record RosterDownload
{
    public sealed record Downloaded(byte[] Content) : RosterDownload;

    /// <summary>The file is larger than <see cref="RosterCsv.MaxBytes"/>; the rest was not read.</summary>
    public sealed record TooLarge : RosterDownload;

    /// <summary>The download URL is missing, not absolute, or of a scheme or host the bot does not fetch from.</summary>
    public sealed record InvalidUrl : RosterDownload;

    /// <summary>The server returned an error status, the connection failed, or the download timed out.</summary>
    public sealed record Failed(string Reason) : RosterDownload;
}

/// <summary>
/// Fetches the file of a Teams file attachment (the downloadUrl of
/// application/vnd.microsoft.teams.file.download.info), reading at most
/// <see cref="RosterCsv.MaxBytes"/> + 1 bytes so that a larger file is rejected without
/// reading it. Only https URLs are fetched; in insecure anonymous local mode, http on a
/// loopback address too, for tests and the local emulator.
/// </summary>
public sealed class RosterFileDownloader(IHttpClientFactory clients, IOptions<BotOptions> botOptions, ILogger<RosterFileDownloader> logger)
{
    public const string ClientName = "roster-file";

    public async Task<RosterDownload> DownloadAsync(string? downloadUrl, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(downloadUrl, UriKind.Absolute, out var uri) || !IsAllowed(uri))
        {
            logger.RosterDownloadFailed(uri?.Host, "the URL is not https");
            return new RosterDownload.InvalidUrl();
        }

        try
        {
            var client = clients.CreateClient(ClientName);
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.RosterDownloadFailed(uri.Host, $"HTTP {(int)response.StatusCode}");
                return new RosterDownload.Failed($"HTTP {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > RosterCsv.MaxBytes)
            {
                return new RosterDownload.TooLarge();
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[RosterCsv.MaxBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
            }

            return length > RosterCsv.MaxBytes ? new RosterDownload.TooLarge() : new RosterDownload.Downloaded(buffer[..length]);
        }
        catch (HttpRequestException exception)
        {
            logger.RosterDownloadFailed(uri.Host, exception.Message);
            return new RosterDownload.Failed(exception.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.RosterDownloadFailed(uri.Host, "timed out");
            return new RosterDownload.Failed("timed out");
        }
    }

    private bool IsAllowed(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps
        || (botOptions.Value.IsAnonymous && uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri));

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
}
