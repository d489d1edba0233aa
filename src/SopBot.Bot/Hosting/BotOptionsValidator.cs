using Microsoft.Extensions.Options;

namespace SopBot.Bot.Hosting;

/// <summary>Stops the bot from starting with credentials that are missing or half set.</summary>
public sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    private static readonly string[] AppTypes = ["MultiTenant", "SingleTenant", "UserAssignedMSI"];

    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        if (options.IsAnonymous)
        {
            return options.AllowInsecureAnonymousLocalMode
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    "Bot:MicrosoftAppId is missing, and Bot:MicrosoftAppPassword and Bot:MicrosoftAppTenantId with it. " +
                    "Set them to the Azure Bot registration's values, or set Bot:AllowInsecureAnonymousLocalMode=true " +
                    "to run without authentication against the local Teams emulator.");
        }

        var failures = new List<string>();
        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            failures.Add("Bot:MicrosoftAppId must be a GUID (the Azure Bot's Microsoft App ID).");
        }

        var appType = string.IsNullOrWhiteSpace(options.MicrosoftAppType) ? "MultiTenant" : options.MicrosoftAppType;
        if (!AppTypes.Contains(appType, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Bot:MicrosoftAppType must be one of {string.Join(", ", AppTypes)}.");
        }

        if (!appType.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            failures.Add("Bot:MicrosoftAppPassword is missing: set the client secret of the bot's app registration.");
        }

        if (!appType.Equals("MultiTenant", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            failures.Add($"Bot:MicrosoftAppTenantId is missing: a {appType} bot needs its tenant id.");
        }

        if (options.AllowInsecureAnonymousLocalMode)
        {
            failures.Add("Bot:AllowInsecureAnonymousLocalMode cannot be combined with a Microsoft App ID; remove one of them.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
