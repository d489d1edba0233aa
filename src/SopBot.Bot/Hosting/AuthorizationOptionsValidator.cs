using Microsoft.Extensions.Options;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Hosting;

/// <summary>
/// Stops the bot from starting with an Authorization section that would let in the wrong
/// people: a production bot (one with a Microsoft App ID) needs at least one allowed tenant,
/// and every id must have the form Entra gives it.
/// </summary>
public sealed class AuthorizationOptionsValidator(IOptions<BotOptions> botOptions) : IValidateOptions<AuthorizationOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthorizationOptions options)
    {
        var failures = new List<string>();
        var isAnonymous = botOptions.Value.IsAnonymous;
        if (!isAnonymous && options.AllowedTenantIds.All(string.IsNullOrWhiteSpace))
        {
            failures.Add(
                "Authorization:AllowedTenantIds is empty. Set it to the Entra tenant id(s) whose users may use the bot, " +
                "for example Authorization__AllowedTenantIds__0=<tenant GUID>.");
        }

        for (var i = 0; i < options.AllowedTenantIds.Count; i++)
        {
            if (!Guid.TryParse(options.AllowedTenantIds[i], out _))
            {
                failures.Add($"Authorization:AllowedTenantIds:{i} is \"{Shorten(options.AllowedTenantIds[i])}\", which is not a tenant id (a GUID).");
            }
        }

        for (var i = 0; i < options.BootstrapAdministratorIds.Count; i++)
        {
            var id = options.BootstrapAdministratorIds[i] ?? string.Empty;
            var isValid = isAnonymous ? RosterRules.IsValidId(RosterRules.NormalizeId(id)) : Guid.TryParse(id, out _);
            if (!isValid)
            {
                failures.Add(
                    $"Authorization:BootstrapAdministratorIds:{i} is \"{Shorten(id)}\", which is not an AAD object id (a GUID). " +
                    "Copy the object id of the user from Microsoft Entra ID.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Shorten(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        return text.Length <= 60 ? text : text[..60] + "…";
    }
}
