using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using SopBot.Domain.Roster;

namespace SopBot.Bot.TeamLinks;

/// <summary>A member of a Teams team as the Bot Connector lists them, with the AAD object id in roster form.</summary>
public sealed record TeamMember(string AadObjectId, string Name, string? Email);

/// <summary>The members of a team, and whether the list stopped at <see cref="TeamMemberDirectory.MaxMembers"/>.</summary>
public sealed record TeamMemberList(IReadOnlyList<TeamMember> Members, bool IsTruncated);

/// <summary>Reads a team's members through the Bot Connector's paged members API (GET v3/conversations/{teamId}/pagedmembers).</summary>
public class TeamMemberDirectory
{
    /// <summary>Members asked for per request.</summary>
    public const int PageSize = 100;

    /// <summary>The most members read from one team; UN Country Teams have a few hundred people.</summary>
    public const int MaxMembers = 2_000;

    /// <summary>
    /// Returns the team's members that have an AAD object id valid on the roster; others (such
    /// as other bots) are skipped. Reads pages until the last or until <see cref="MaxMembers"/>.
    /// </summary>
    public virtual async Task<TeamMemberList> ListAsync(ITurnContext turnContext, string teamId, CancellationToken cancellationToken)
    {
        var members = new List<TeamMember>();
        string? continuationToken = null;
        var read = 0;
        do
        {
            var page = await TeamsInfo.GetPagedTeamMembersAsync(turnContext, teamId, continuationToken, PageSize, cancellationToken);
            foreach (var account in page.Members ?? [])
            {
                read++;
                var id = RosterRules.NormalizeId(account.AadObjectId ?? string.Empty);
                if (RosterRules.IsValidId(id))
                {
                    members.Add(new TeamMember(id, account.Name ?? string.Empty, account.Email ?? account.UserPrincipalName));
                }
            }

            continuationToken = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
        }
        while (continuationToken is not null && read < MaxMembers);

        return new TeamMemberList(members, continuationToken is not null);
    }
}
