namespace SopBot.Domain.Roster;

/// <summary>The outcome of adding, changing or removing one roster member, or of granting or revoking a role.</summary>
public abstract record RosterEditResult
{
    /// <summary>The change was stored with its audit entry, and the roster version went up.</summary>
    public sealed record Saved(RosterAuditAction Action, RosterMember? Before, RosterMember? After, long RosterVersion) : RosterEditResult;

    /// <summary>The stored member already had these values. Nothing was written.</summary>
    public sealed record Unchanged(RosterMember Member) : RosterEditResult;

    /// <summary>No member has this id.</summary>
    public sealed record NotFound(string AadObjectId) : RosterEditResult;

    /// <summary>A member with this id exists already. Change it instead.</summary>
    public sealed record AlreadyExists(RosterMember Existing) : RosterEditResult;

    /// <summary>The requested member breaks a roster rule. Nothing was written.</summary>
    public sealed record Invalid(RosterRowError Error) : RosterEditResult;

    /// <summary>The actor may not make this change. Nothing was written.</summary>
    public sealed record Denied(AccessDecision Decision) : RosterEditResult;
}
