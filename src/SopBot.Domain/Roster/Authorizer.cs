using SopBot.Domain.Countries;

namespace SopBot.Domain.Roster;

/// <summary>
/// Decides every bot action, in one place, from the caller's ids (AAD object id, tenant id),
/// their stored roster entry, the configured bootstrap administrators and the allowed tenants.
/// <list type="bullet">
/// <item>A caller from a tenant that is not allowed may do nothing at all.</item>
/// <item>Anyone else may ask questions, see the talking points and the help.</item>
/// <item>UNCT member: check in, see the status, brief and roster of their own country only.</item>
/// <item>Regional Director: see every country's status, brief and roster, and manage nothing.</item>
/// <item>Secretariat: see every country, add, change and remove UNCT members and Regional
/// Directors, import and export the roster, and link and unlink Teams teams.</item>
/// <item>Administrator: what the Secretariat may, plus granting and revoking the Secretariat and
/// Administrator roles, changing members who hold them, and the settings.</item>
/// <item>Several roles allow what any of them allows. Checking in always needs the UNCT member
/// role for that country, whatever other roles the caller holds.</item>
/// </list>
/// </summary>
public sealed class Authorizer
{
    private const Role Readers = Role.RegionalDirector | Role.Secretariat | Role.Administrator;
    private const Role Managers = Role.Secretariat | Role.Administrator;

    private readonly HashSet<string> _allowedTenantIds;
    private readonly HashSet<string> _bootstrapAdministratorIds;

    public Authorizer(AuthorizationOptions options)
    {
        _allowedTenantIds = options.AllowedTenantIds
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => id.Trim())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        _bootstrapAdministratorIds = options.BootstrapAdministratorIds
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(RosterRules.NormalizeId)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Resolves the caller's roles from their roster entry and the bootstrap administrators.
    /// A caller whose tenant is not allowed gets no roles, even with a roster entry.
    /// </summary>
    /// <exception cref="ArgumentException">The entry belongs to someone other than the caller.</exception>
    public Principal Identify(Caller caller, RosterMember? entry)
    {
        var id = RosterRules.NormalizeId(caller.AadObjectId ?? string.Empty);
        var displayName = caller.DisplayName ?? string.Empty;
        if (displayName.Length > RosterRules.MaxDisplayNameLength)
        {
            // The name goes into audit rows, and a storage column is limited to 64 KiB.
            displayName = displayName[..RosterRules.MaxDisplayNameLength];
        }

        var tenantId = caller.TenantId?.Trim();
        var isTenantAllowed = !string.IsNullOrEmpty(tenantId) && _allowedTenantIds.Contains(tenantId);
        if (entry is not null && !string.Equals(RosterRules.NormalizeId(entry.AadObjectId), id, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The roster entry of {entry.AadObjectId} was given for the caller {id}.", nameof(entry));
        }

        if (!isTenantAllowed)
        {
            return new Principal(id, displayName, tenantId, false, Role.None, null, false);
        }

        var isBootstrapAdministrator = id.Length > 0 && _bootstrapAdministratorIds.Contains(id);
        var roles = (entry?.Roles ?? Role.None) & Roles.All;
        if (isBootstrapAdministrator)
        {
            roles |= Role.Administrator;
        }

        var country = CountryCatalog.FindByIso3(entry?.CountryIso3)?.Iso3;
        return new Principal(id, displayName, tenantId, true, roles, country, isBootstrapAdministrator);
    }

    /// <summary>
    /// Identifies the caller after looking up their roster entry. The roster is not read for a
    /// caller from a tenant that is not allowed or without a valid id.
    /// </summary>
    public async Task<Principal> IdentifyAsync(Caller caller, IRosterStore roster, CancellationToken cancellationToken)
    {
        var unresolved = Identify(caller, null);
        if (!unresolved.IsTenantAllowed || !RosterRules.IsValidId(unresolved.AadObjectId))
        {
            return unresolved;
        }

        var entry = await roster.FindAsync(unresolved.AadObjectId, cancellationToken);
        return Identify(caller, entry);
    }

    /// <summary>Decides an action for a caller and their stored roster entry (null when they have none).</summary>
    public AccessDecision Decide(Caller caller, RosterMember? entry, BotAction action, AccessTarget? target = null) =>
        Decide(Identify(caller, entry), action, target);

    /// <summary>Decides an action for a caller that <see cref="Identify"/> resolved.</summary>
    public static AccessDecision Decide(Principal principal, BotAction action, AccessTarget? target = null)
    {
        target ??= AccessTarget.None;
        if (!principal.IsTenantAllowed)
        {
            return AccessDecision.Deny(action, AccessReason.TenantNotAllowed);
        }

        if (!RosterRules.IsValidId(principal.AadObjectId))
        {
            return AccessDecision.Deny(action, AccessReason.MissingIdentity);
        }

        var reason = action switch
        {
            BotAction.AskQuestion or BotAction.ViewTalkingPoints or BotAction.ViewHelp => DecideOpen(target),
            BotAction.CheckIn => DecideCheckIn(principal, target),
            BotAction.ViewOwnCountryStatus => DecideOwnCountry(principal, target),
            BotAction.ViewCountryStatus or BotAction.ViewCountryBrief => DecideCountryRead(principal, target),
            BotAction.ViewRoster => DecideRosterRead(principal, target),
            BotAction.ImportRoster or BotAction.ExportRoster => DecideRoles(principal, target, Managers),
            BotAction.AddMember or BotAction.ChangeMember or BotAction.RemoveMember => DecideMemberChange(principal, action, target),
            BotAction.GrantRole or BotAction.RevokeRole => DecideRoleChange(principal, target),
            BotAction.LinkTeam or BotAction.UnlinkTeam => DecideTeamLink(principal, target),
            BotAction.ManageSettings => DecideRoles(principal, target, Role.Administrator),
            _ => AccessReason.InvalidTarget,
        };
        return new AccessDecision(action, reason);
    }

    /// <summary>
    /// The country-read rule shared with <see cref="Access.CanViewCountry"/>: reader roles see
    /// every country, a UNCT member only their own.
    /// </summary>
    internal static bool CanReadCountry(Role roles, string? ownCountryIso3, string countryIso3) =>
        (roles & Readers) != Role.None
        || ((roles & Role.UnctMember) != Role.None && ownCountryIso3 is not null && ownCountryIso3 == countryIso3);

    private static AccessReason DecideOpen(AccessTarget target) =>
        target is AccessTarget.NoTarget ? AccessReason.Allowed : AccessReason.InvalidTarget;

    private static AccessReason DecideCheckIn(Principal principal, AccessTarget target)
    {
        var problem = CheckCountryTarget(target, out var countryIso3);
        if (problem is not null)
        {
            return problem.Value;
        }

        if (principal.Roles == Role.None)
        {
            return AccessReason.NotOnRoster;
        }

        if (!principal.HasAny(Role.UnctMember))
        {
            return AccessReason.InsufficientRole;
        }

        if (principal.CountryIso3 is null)
        {
            return AccessReason.NoCountryOnRoster;
        }

        return principal.CountryIso3 == countryIso3 ? AccessReason.Allowed : AccessReason.OtherCountry;
    }

    private static AccessReason DecideOwnCountry(Principal principal, AccessTarget target)
    {
        if (target is not AccessTarget.NoTarget)
        {
            return AccessReason.InvalidTarget;
        }

        if (principal.Roles == Role.None)
        {
            return AccessReason.NotOnRoster;
        }

        return principal.CountryIso3 is null ? AccessReason.NoCountryOnRoster : AccessReason.Allowed;
    }

    private static AccessReason DecideCountryRead(Principal principal, AccessTarget target)
    {
        var problem = CheckCountryTarget(target, out var countryIso3);
        if (problem is not null)
        {
            return problem.Value;
        }

        return DecideRead(principal, countryIso3!);
    }

    private static AccessReason DecideRosterRead(Principal principal, AccessTarget target)
    {
        if (target is not AccessTarget.AllCountriesTarget)
        {
            return DecideCountryRead(principal, target);
        }

        if (principal.Roles == Role.None)
        {
            return AccessReason.NotOnRoster;
        }

        return principal.HasAny(Readers) ? AccessReason.Allowed : AccessReason.OtherCountry;
    }

    private static AccessReason DecideRead(Principal principal, string countryIso3)
    {
        if (principal.Roles == Role.None)
        {
            return AccessReason.NotOnRoster;
        }

        if (CanReadCountry(principal.Roles, principal.CountryIso3, countryIso3))
        {
            return AccessReason.Allowed;
        }

        // Only a UNCT member without a reader role gets here.
        return principal.CountryIso3 is null ? AccessReason.NoCountryOnRoster : AccessReason.OtherCountry;
    }

    private static AccessReason DecideRoles(Principal principal, AccessTarget target, Role allowedRoles)
    {
        if (target is not AccessTarget.NoTarget)
        {
            return AccessReason.InvalidTarget;
        }

        return DecideRoleHeld(principal, allowedRoles);
    }

    private static AccessReason DecideRoleHeld(Principal principal, Role allowedRoles)
    {
        if (principal.Roles == Role.None)
        {
            return AccessReason.NotOnRoster;
        }

        return principal.HasAny(allowedRoles) ? AccessReason.Allowed : AccessReason.InsufficientRole;
    }

    private static AccessReason DecideMemberChange(Principal principal, BotAction action, AccessTarget target)
    {
        if (target is not AccessTarget.MemberChangeTarget(var before, var after))
        {
            return AccessReason.InvalidTarget;
        }

        var shapeIsValid = action switch
        {
            BotAction.AddMember => before is null && after is not null,
            BotAction.ChangeMember => before is not null && after is not null && SameId(before, after),
            _ => before is not null && after is null,
        };
        if (!shapeIsValid || (before is not null && !RosterRules.IsValidId(before.AadObjectId)) || (after is not null && !RosterRules.IsValidId(after.AadObjectId)))
        {
            return AccessReason.InvalidTarget;
        }

        if (after?.CountryIso3 is not null && CountryCatalog.FindByIso3(after.CountryIso3) is null)
        {
            return AccessReason.UnknownCountry;
        }

        var roleReason = DecideRoleHeld(principal, Managers);
        if (roleReason != AccessReason.Allowed)
        {
            return roleReason;
        }

        var touchesPrivilegedRoles = (((before?.Roles ?? Role.None) | (after?.Roles ?? Role.None)) & Roles.Privileged) != Role.None;
        return touchesPrivilegedRoles && !principal.HasAny(Role.Administrator) ? AccessReason.AdministratorRequired : AccessReason.Allowed;
    }

    private static AccessReason DecideRoleChange(Principal principal, AccessTarget target)
    {
        if (target is not AccessTarget.RoleTarget(var id, var role)
            || !RosterRules.IsValidId(id)
            || (role & Roles.All) != role
            || !System.Numerics.BitOperations.IsPow2((int)role))
        {
            return AccessReason.InvalidTarget;
        }

        var roleReason = DecideRoleHeld(principal, Managers);
        if (roleReason != AccessReason.Allowed)
        {
            return roleReason;
        }

        return (role & Roles.Privileged) != Role.None && !principal.HasAny(Role.Administrator) ? AccessReason.AdministratorRequired : AccessReason.Allowed;
    }

    private static AccessReason DecideTeamLink(Principal principal, AccessTarget target)
    {
        var problem = CheckCountryTarget(target, out _);
        return problem ?? DecideRoleHeld(principal, Managers);
    }

    private static AccessReason? CheckCountryTarget(AccessTarget target, out string? countryIso3)
    {
        countryIso3 = null;
        if (target is not AccessTarget.CountryTarget(var code) || string.IsNullOrEmpty(code))
        {
            return AccessReason.InvalidTarget;
        }

        countryIso3 = CountryCatalog.FindByIso3(code)?.Iso3;
        return countryIso3 is null ? AccessReason.UnknownCountry : null;
    }

    private static bool SameId(RosterMember before, RosterMember after) =>
        string.Equals(RosterRules.NormalizeId(before.AadObjectId), RosterRules.NormalizeId(after.AadObjectId), StringComparison.OrdinalIgnoreCase);
}
