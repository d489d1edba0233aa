namespace SopBot.Domain.Roster;

/// <summary>The roster: who belongs to which country with which roles.</summary>
public interface IRosterStore
{
    /// <summary>Returns the member with this AAD object id, or null. A GUID is matched in any letter case.</summary>
    Task<RosterMember?> FindAsync(string aadObjectId, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts or replaces the members when the roster file is loaded at start-up. Members
    /// not in the collection stay. All of them take effect at once or none does.
    /// </summary>
    Task UpsertAsync(IReadOnlyCollection<RosterMember> members, CancellationToken cancellationToken);
}
