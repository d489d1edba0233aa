namespace SopBot.Domain.Roster;

public enum RosterAuditAction
{
    Added,
    Changed,
    Removed,
}

/// <summary>
/// One change to the roster, kept forever: who made it and when, the member before and after
/// (null before an add and after a removal), the roster version it produced, and the import it
/// belongs to, if any. Every row of one import shares that import's version.
/// </summary>
public sealed record RosterAuditEntry(
    DateTimeOffset At,
    string ActorId,
    string ActorName,
    RosterAuditAction Action,
    string MemberId,
    RosterMember? Before,
    RosterMember? After,
    long RosterVersion,
    string? ImportId);

/// <summary>Audit entries, newest first. <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record RosterAuditPage(IReadOnlyList<RosterAuditEntry> Entries, string? ContinuationToken);
