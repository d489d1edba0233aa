using SopBot.Domain.Roster;

namespace SopBot.Domain.Teams;

/// <summary>
/// Which Teams team belongs to which country. A team is linked to at most one country, and a
/// country may have several teams. Linking and unlinking check <see cref="Authorizer"/>
/// (<see cref="BotAction.LinkTeam"/>, <see cref="BotAction.UnlinkTeam"/> for the linked country)
/// and write an audit entry with the change.
/// </summary>
public interface ITeamLinkStore
{
    /// <summary>
    /// Links the team to the country. Linking it again to the same country is accepted
    /// (<see cref="TeamLinkResult.Unchanged"/>, or <see cref="TeamLinkResult.Updated"/> when the
    /// channel or conversation reference differ). Linking it to another country is rejected.
    /// </summary>
    Task<TeamLinkResult> LinkAsync(TeamLinkRequest request, Principal actor, CancellationToken cancellationToken);

    Task<TeamLinkResult> UnlinkAsync(string teamId, Principal actor, CancellationToken cancellationToken);

    /// <summary>Returns the team's link, or null when it is not linked or the id is not a valid team id.</summary>
    Task<TeamLink?> FindAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>Returns the teams linked to the country, in team id order.</summary>
    Task<IReadOnlyList<TeamLink>> ListByCountryAsync(string countryIso3, CancellationToken cancellationToken);

    /// <summary>Returns the team's link changes, oldest first.</summary>
    Task<IReadOnlyList<TeamLinkAuditEntry>> GetAuditAsync(string teamId, CancellationToken cancellationToken);
}
