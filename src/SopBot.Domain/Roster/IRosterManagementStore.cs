namespace SopBot.Domain.Roster;

/// <summary>
/// Managing the roster from Teams: listing, single edits, imports and their audit trail. Every
/// change checks <see cref="Authorizer"/> against the member as stored at the time of writing,
/// and writes its audit entries with it. Every change raises the roster version, so an import
/// previewed before it can no longer be applied.
/// </summary>
public interface IRosterManagementStore : IRosterStore
{
    /// <summary>Returns one page of members in id order, filtered by the query's country and role when they are set.</summary>
    /// <exception cref="ArgumentException">The page size is outside 1 to <see cref="RosterQuery.MaxPageSize"/>, or the continuation token is not one this store returned.</exception>
    Task<RosterPage> ListAsync(RosterQuery query, CancellationToken cancellationToken);

    /// <summary>Returns every member at the current version, for export.</summary>
    Task<RosterSnapshot> GetSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>Adds a member who is not on the roster yet.</summary>
    Task<RosterEditResult> AddMemberAsync(RosterMember member, Principal actor, CancellationToken cancellationToken);

    /// <summary>Replaces the name, country and roles of a member on the roster.</summary>
    Task<RosterEditResult> ChangeMemberAsync(RosterMember member, Principal actor, CancellationToken cancellationToken);

    Task<RosterEditResult> RemoveMemberAsync(string aadObjectId, Principal actor, CancellationToken cancellationToken);

    /// <summary>Adds one role to a member on the roster. Granting the UNCT member role needs a country on the entry.</summary>
    Task<RosterEditResult> GrantRoleAsync(string aadObjectId, Role role, Principal actor, CancellationToken cancellationToken);

    /// <summary>Removes one role from a member. A member's last role cannot be revoked: remove the member instead.</summary>
    Task<RosterEditResult> RevokeRoleAsync(string aadObjectId, Role role, Principal actor, CancellationToken cancellationToken);

    /// <summary>
    /// Compares parsed CSV rows with the current roster (added, changed, unchanged, rejected),
    /// checks each change against the actor's roles, and stores the result under a new import id.
    /// </summary>
    Task<PreviewImportResult> PreviewImportAsync(RosterParseResult parsed, Principal actor, CancellationToken cancellationToken);

    /// <summary>Returns a stored preview, or null when there is none with this id or it belongs to another actor.</summary>
    Task<RosterImportPreview?> GetImportAsync(string importId, Principal actor, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a stored preview all or nothing: every added and changed row takes effect at once,
    /// or none does, also when the process stops half-way. Rejected unless the same actor made the
    /// preview and the roster is still at the version it was computed against.
    /// </summary>
    Task<ApplyImportResult> ApplyImportAsync(string importId, Principal actor, CancellationToken cancellationToken);

    /// <summary>Returns audit entries, newest first.</summary>
    /// <exception cref="ArgumentException">The page size is outside 1 to <see cref="RosterQuery.MaxPageSize"/>, or the continuation token is not one this store returned.</exception>
    Task<RosterAuditPage> ListAuditAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken);
}
