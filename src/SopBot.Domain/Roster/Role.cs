namespace SopBot.Domain.Roster;

/// <summary>What a person may do in the bot. A person may hold several roles.</summary>
[Flags]
public enum Role
{
    None = 0,
    UnctMember = 1,
    Secretariat = 2,
    RegionalDirector = 4,
    Administrator = 8,
}

public static class Roles
{
    private static readonly (Role Role, string Code)[] Codes =
    [
        (Role.UnctMember, "unctMember"),
        (Role.Secretariat, "secretariat"),
        (Role.RegionalDirector, "regionalDirector"),
        (Role.Administrator, "administrator"),
    ];

    /// <summary>Parses one role code such as "unctMember", case-insensitively.</summary>
    public static bool TryParse(string? code, out Role role)
    {
        foreach (var (candidate, candidateCode) in Codes)
        {
            if (string.Equals(candidateCode, code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = Role.None;
        return false;
    }

    /// <summary>Returns the role codes joined by commas, for storage.</summary>
    public static string ToCodes(this Role roles) =>
        string.Join(',', Codes.Where(entry => roles.HasFlag(entry.Role)).Select(entry => entry.Code));

    /// <summary>Parses codes joined by commas; unknown codes are ignored.</summary>
    public static Role FromCodes(string? codes)
    {
        var roles = Role.None;
        foreach (var code in (codes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParse(code, out var role))
            {
                roles |= role;
            }
        }

        return roles;
    }
}
