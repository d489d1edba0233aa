namespace SopBot.Domain.Roster;

/// <summary>
/// A person the bot knows, keyed by their Microsoft Entra (AAD) object id.
/// <see cref="CountryIso3"/> is the country they answer for; null for regional roles.
/// </summary>
public sealed record RosterMember(string AadObjectId, string DisplayName, string? CountryIso3, Role Roles)
{
    public bool Has(Role role) => (Roles & role) == role;
}
