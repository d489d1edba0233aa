using SopBot.Bot.Cards;
using SopBot.Bot.Localization;
using SopBot.Domain;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Teams;

/// <summary>Turns an <see cref="Authorizer"/> denial into a short message card that explains it in the caller's language.</summary>
public sealed class AccessMessages(CommonCards common, Localizer strings)
{
    private static readonly HashSet<BotAction> ManagerActions =
    [
        BotAction.AddMember, BotAction.ChangeMember, BotAction.RemoveMember, BotAction.ImportRoster,
        BotAction.ExportRoster, BotAction.LinkTeam, BotAction.UnlinkTeam, BotAction.GrantRole, BotAction.RevokeRole,
    ];

    public string Denied(AccessDecision decision, Principal principal, Language language) =>
        common.Message(language, strings.Get(language, "access.deniedTitle"), Text(decision, principal, language), isWarning: true, showStart: false);

    /// <summary>The message for a caller whose tenant is not allowed: short, and naming nothing about the bot's data.</summary>
    public string TenantRejected(Language language) =>
        common.Message(language, strings.Get(language, "access.deniedTitle"), strings.Get(language, "access.TenantNotAllowed"), isWarning: true, showStart: false);

    public string Text(AccessDecision decision, Principal principal, Language language)
    {
        var action = strings.Get(language, "botAction." + decision.Action);
        return decision.Reason switch
        {
            AccessReason.InsufficientRole when ManagerActions.Contains(decision.Action) =>
                strings.Format(language, "access.ManagersOnly", ("action", action), ("roles", RoleNames(principal.Roles, language))),
            AccessReason.InsufficientRole when decision.Action == BotAction.ManageSettings =>
                strings.Format(language, "access.AdministratorsOnly", ("action", action)),
            _ => strings.Format(language, "access." + decision.Reason, ("action", action), ("roles", RoleNames(principal.Roles, language))),
        };
    }

    private string RoleNames(Role roles, Language language) =>
        roles == Role.None
            ? strings.Get(language, "role.None")
            : string.Join(", ", Enum.GetValues<Role>().Where(role => role != Role.None && (roles & role) != Role.None).Select(role => strings.Get(language, "role." + role)));
}
