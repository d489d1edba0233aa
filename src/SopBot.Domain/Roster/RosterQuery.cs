namespace SopBot.Domain.Roster;

/// <summary>
/// One page of roster members: optionally only those of a country or holding a role.
/// <see cref="ContinuationToken"/> is the token of the previous page, or null for the first.
/// </summary>
public sealed record RosterQuery(string? CountryIso3 = null, Role? Role = null, int PageSize = RosterQuery.DefaultPageSize, string? ContinuationToken = null)
{
    public const int DefaultPageSize = 50;

    /// <summary>The largest page: Azure Table storage returns at most 1,000 entities per request.</summary>
    public const int MaxPageSize = 1_000;
}

/// <summary>
/// Members in id order, at most the page size. <see cref="ContinuationToken"/> is null on the
/// last page. The token is the last member's position, so paging continues correctly after
/// the roster changes, in the roster as it is then.
/// </summary>
public sealed record RosterPage(IReadOnlyList<RosterMember> Members, string? ContinuationToken, long RosterVersion);

/// <summary>The whole roster at one version, for export and for comparing an import against.</summary>
public sealed record RosterSnapshot(long Version, IReadOnlyList<RosterMember> Members);
