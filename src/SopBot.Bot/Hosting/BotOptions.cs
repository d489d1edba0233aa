namespace SopBot.Bot.Hosting;

/// <summary>
/// Bot Framework credentials, bound from the "Bot" section (the same keys the Bot Framework
/// reads: MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId).
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>
    /// Accepts unauthenticated requests from anyone who can reach the endpoint. Only for the
    /// local Teams emulator and tests; the bot refuses to start without credentials otherwise.
    /// </summary>
    public bool AllowInsecureAnonymousLocalMode { get; set; }

    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
