namespace SopBot.Domain.Roster;

/// <summary>
/// What an action is about: a country, a roster change or a role. Built from the ids a card
/// carries (a country code, a member id) and from stored data, never from a card's claim of
/// who the caller is. <see cref="Authorizer"/> checks each id it is given.
/// </summary>
public abstract record AccessTarget
{
    /// <summary>No target: the action is about the caller or about nothing in particular.</summary>
    public static AccessTarget None { get; } = new NoTarget();

    /// <summary>Every country at once, for <see cref="BotAction.ViewRoster"/> of the whole roster.</summary>
    public static AccessTarget AllCountries { get; } = new AllCountriesTarget();

    /// <summary>A country by its ISO 3166-1 alpha-3 code, exactly as stored (upper case).</summary>
    public static AccessTarget ForCountry(string? countryIso3) => new CountryTarget(countryIso3);

    /// <summary>
    /// A change to one roster entry: <paramref name="before"/> as stored now (null to add) and
    /// <paramref name="after"/> as requested (null to remove).
    /// </summary>
    public static AccessTarget ForMemberChange(RosterMember? before, RosterMember? after) => new MemberChangeTarget(before, after);

    /// <summary>One role of one roster member, to grant or revoke.</summary>
    public static AccessTarget ForRole(string? aadObjectId, Role role) => new RoleTarget(aadObjectId, role);

    public sealed record NoTarget : AccessTarget;

    public sealed record AllCountriesTarget : AccessTarget;

    public sealed record CountryTarget(string? CountryIso3) : AccessTarget;

    public sealed record MemberChangeTarget(RosterMember? Before, RosterMember? After) : AccessTarget;

    public sealed record RoleTarget(string? AadObjectId, Role Role) : AccessTarget;
}
