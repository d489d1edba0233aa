namespace SopBot.Domain.Roster;

/// <summary>Why <see cref="Authorizer"/> allowed or denied an action. The bot turns each denial into a message.</summary>
public enum AccessReason
{
    /// <summary>The action is allowed.</summary>
    Allowed,

    /// <summary>The caller's tenant is not in the allowed tenants, or the activity carries no tenant id. Nothing is allowed.</summary>
    TenantNotAllowed,

    /// <summary>The activity carries no usable AAD object id.</summary>
    MissingIdentity,

    /// <summary>The caller has no role (not on the roster and not a bootstrap administrator), and the action needs one.</summary>
    NotOnRoster,

    /// <summary>The caller's roles do not include one that allows the action.</summary>
    InsufficientRole,

    /// <summary>
    /// Only an Administrator may do this: grant or revoke the Secretariat or Administrator role,
    /// or add, change or remove a member who has (or would get) one of them.
    /// </summary>
    AdministratorRequired,

    /// <summary>A UNCT member asked for a country other than the one on their roster entry.</summary>
    OtherCountry,

    /// <summary>The action needs the caller's own country, and their roster entry has none.</summary>
    NoCountryOnRoster,

    /// <summary>The target country is not in the country catalog.</summary>
    UnknownCountry,

    /// <summary>The target is missing, of the wrong kind for the action, or names an invalid member id.</summary>
    InvalidTarget,
}

/// <summary>The outcome of <see cref="Authorizer.Decide(Principal, BotAction, AccessTarget?)"/>.</summary>
public sealed record AccessDecision(BotAction Action, AccessReason Reason)
{
    public bool IsAllowed => Reason == AccessReason.Allowed;

    public static AccessDecision Allow(BotAction action) => new(action, AccessReason.Allowed);

    public static AccessDecision Deny(BotAction action, AccessReason reason) => new(action, reason);
}
