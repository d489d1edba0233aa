namespace SopBot.Domain.Roster;

public enum RosterImportRowKind
{
    /// <summary>The id is not on the roster: the member will be added.</summary>
    Added,

    /// <summary>The member's name, country or roles will change.</summary>
    Changed,

    /// <summary>The member is on the roster with these values already.</summary>
    Unchanged,

    /// <summary>The row breaks a rule or needs a permission the actor lacks, so the whole import cannot be applied.</summary>
    Rejected,
}

/// <summary>
/// One row of an import preview. <see cref="Before"/> is the stored member (null for an added
/// or rejected row), and <see cref="After"/> is the row's member (null for a rejected row). A rejected
/// row has <see cref="Problem"/> and <see cref="Reason"/>. Line 0 means the whole file.
/// </summary>
public sealed record RosterImportRow(
    int Line,
    RosterImportRowKind Kind,
    RosterMember? Before,
    RosterMember? After,
    RosterProblem? Problem = null,
    string? Reason = null);

public enum RosterImportStatus
{
    /// <summary>Previewed and not applied yet.</summary>
    Pending,

    /// <summary>Applied: every added and changed row took effect.</summary>
    Applied,
}

/// <summary>
/// An import computed against the roster at <see cref="BaseVersion"/> and stored under
/// <see cref="ImportId"/>, which is all a card needs to carry. Only its actor may apply it, only
/// before <see cref="ExpiresAt"/>, and only while the roster is still at <see cref="BaseVersion"/>.
/// Members that are on the roster but not in the file stay as they are.
/// </summary>
public sealed record RosterImportPreview(
    string ImportId,
    string ActorId,
    string ActorName,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    long BaseVersion,
    RosterImportStatus Status,
    IReadOnlyList<RosterImportRow> Rows)
{
    /// <summary>How long a preview can be applied after it was made.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public int AddedCount => Count(RosterImportRowKind.Added);

    public int ChangedCount => Count(RosterImportRowKind.Changed);

    public int UnchangedCount => Count(RosterImportRowKind.Unchanged);

    public int RejectedCount => Count(RosterImportRowKind.Rejected);

    /// <summary>True when nothing is rejected and something would change.</summary>
    public bool CanApply => RejectedCount == 0 && AddedCount + ChangedCount > 0;

    private int Count(RosterImportRowKind kind) => Rows.Count(row => row.Kind == kind);
}

/// <summary>The outcome of <see cref="IRosterManagementStore.PreviewImportAsync"/>.</summary>
public abstract record PreviewImportResult
{
    /// <summary>The preview was computed and stored, and it may still have rejected rows.</summary>
    public sealed record Created(RosterImportPreview Preview) : PreviewImportResult;

    /// <summary>The actor may not import a roster. Nothing was stored.</summary>
    public sealed record Denied(AccessDecision Decision) : PreviewImportResult;
}

/// <summary>Why an import was not applied. In every case nothing of it took effect.</summary>
public enum ApplyImportProblem
{
    /// <summary>No preview has this id.</summary>
    NotFound,

    /// <summary>Someone other than the person who made the preview tried to apply it.</summary>
    OtherActor,

    /// <summary>The preview is older than <see cref="RosterImportPreview.Lifetime"/>.</summary>
    Expired,

    /// <summary>The preview has rejected rows, so none of its rows is applied.</summary>
    HasRejectedRows,

    /// <summary>Nothing would change: every row is unchanged.</summary>
    NothingToApply,

    /// <summary>The roster changed after the preview was made. Preview the file again.</summary>
    RosterChanged,

    /// <summary>The import took effect already, by this or an earlier request.</summary>
    AlreadyApplied,
}

/// <summary>The outcome of <see cref="IRosterManagementStore.ApplyImportAsync"/>.</summary>
public abstract record ApplyImportResult
{
    /// <summary>Every added and changed row took effect, with an audit entry each, as one new roster version.</summary>
    public sealed record Applied(string ImportId, int AddedCount, int ChangedCount, long RosterVersion) : ApplyImportResult;

    /// <summary>Nothing took effect, for the reason given.</summary>
    public sealed record NotApplied(ApplyImportProblem Problem) : ApplyImportResult;

    /// <summary>The actor may no longer import a roster. Nothing took effect.</summary>
    public sealed record Denied(AccessDecision Decision) : ApplyImportResult;
}
