namespace SopBot.Domain.Roster;

/// <summary>The roster: who belongs to which country with which roles.</summary>
public interface IRosterStore
{
    Task<RosterMember?> FindAsync(string aadObjectId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the members; used when the roster file is loaded at start-up.</summary>
    Task UpsertAsync(IReadOnlyCollection<RosterMember> members, CancellationToken cancellationToken);
}
