namespace SopBot.Domain.Roster;

/// <summary>
/// A person the bot knows, keyed by their Microsoft Entra (AAD) object id.
/// <see cref="CountryIso3"/> is the country they answer for; null for regional roles.
/// </summary>
public sealed record RosterMember(string AadObjectId, string DisplayName, string? CountryIso3, Role Roles)
{
    /// <summary>True when the member has every role in <paramref name="role"/>.</summary>
    public bool Has(Role role) => (Roles & role) == role;

    /// <summary>True when the member has at least one role in <paramref name="roles"/>.</summary>
    public bool HasAny(Role roles) => (Roles & roles) != Role.None;
}
