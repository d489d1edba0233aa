using SopBot.Domain.Countries;

namespace SopBot.Domain.Roster;

/// <summary>
/// What a roster member may see, decided from their stored roles only. Card data and message
/// text never reach these decisions.
/// </summary>
public static class Access
{
    /// <summary>Regional roles see every country; a UNCT member sees only the country on their roster entry.</summary>
    public static bool CanViewCountry(RosterMember? member, Country country)
    {
        if (member is null)
        {
            return false;
        }

        if ((member.Roles & (Role.RegionalDirector | Role.Secretariat | Role.Administrator)) != Role.None)
        {
            return true;
        }

        return member.Has(Role.UnctMember) && member.CountryIso3 == country.Iso3;
    }
}
