using SopBot.Domain.Countries;

namespace SopBot.Domain.Roster;

/// <summary>
/// What a roster member may see, decided from their stored roles only. Card data and message
/// text never reach these decisions. <see cref="Authorizer"/> applies the same rule and also
/// checks the caller's tenant, so new code should call it instead.
/// </summary>
public static class Access
{
    /// <summary>Regional roles see every country; a UNCT member sees only the country on their roster entry.</summary>
    public static bool CanViewCountry(RosterMember? member, Country country) =>
        member is not null && Authorizer.CanReadCountry(member.Roles, member.CountryIso3, country.Iso3);
}
