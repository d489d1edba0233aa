namespace SopBot.Domain.Roster;

/// <summary>What a person may do in the bot. A person may hold several roles, and then may do what any of them allows.</summary>
[Flags]
public enum Role
{
    None = 0,

    /// <summary>A member of one country's UN Country Team: checks in and reads for that country only.</summary>
    UnctMember = 1,

    /// <summary>The regional Secretariat: reads every country and manages UNCT members and Regional Directors.</summary>
    Secretariat = 2,

    /// <summary>Reads every country's status, brief and talking points, and manages nothing.</summary>
    RegionalDirector = 4,

    /// <summary>Everything the Secretariat does, plus granting the Secretariat and Administrator roles and the settings.</summary>
    Administrator = 8,
}

public static class Roles
{
    /// <summary>
    /// Separates role codes in one CSV cell and in storage, as in "secretariat|regionalDirector".
    /// A vertical bar never appears in a code and is neither of the two CSV delimiters (comma, semicolon).
    /// </summary>
    public const char Separator = '|';

    /// <summary>Every defined role.</summary>
    public const Role All = Role.UnctMember | Role.Secretariat | Role.RegionalDirector | Role.Administrator;

    /// <summary>The roles that only an Administrator may grant, revoke, or change the roster entries of.</summary>
    public const Role Privileged = Role.Secretariat | Role.Administrator;

    private static readonly (Role Role, string Code)[] Codes =
    [
        (Role.UnctMember, "unctMember"),
        (Role.Secretariat, "secretariat"),
        (Role.RegionalDirector, "regionalDirector"),
        (Role.Administrator, "administrator"),
    ];

    /// <summary>The codes of the defined roles, in the order the CSV and the messages list them.</summary>
    public static IReadOnlyList<string> AllCodes { get; } = Codes.Select(entry => entry.Code).ToList();

    /// <summary>Parses one role code such as "unctMember", case-insensitively and ignoring surrounding spaces.</summary>
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

    /// <summary>
    /// Parses role codes joined by <see cref="Separator"/>, such as "secretariat|regionalDirector".
    /// Empty entries and repeated codes are ignored. Returns false when a code is unknown (its
    /// text is in <paramref name="invalidCode"/>) or when no code is given (it is then empty).
    /// </summary>
    public static bool TryParseList(string? text, out Role roles, out string? invalidCode)
    {
        roles = Role.None;
        invalidCode = null;
        foreach (var code in (text ?? string.Empty).Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(code, out var role))
            {
                roles = Role.None;
                invalidCode = code;
                return false;
            }

            roles |= role;
        }

        if (roles == Role.None)
        {
            invalidCode = string.Empty;
            return false;
        }

        return true;
    }

    /// <summary>Returns the role codes joined by <see cref="Separator"/>, for the CSV and for storage.</summary>
    public static string ToCodes(this Role roles) =>
        string.Join(Separator, Codes.Where(entry => roles.HasFlag(entry.Role)).Select(entry => entry.Code));

    /// <summary>
    /// Parses stored codes joined by <see cref="Separator"/> or by commas (the separator of
    /// rows written before several roles per CSV cell were allowed). Unknown codes are ignored.
    /// </summary>
    public static Role FromCodes(string? codes)
    {
        var roles = Role.None;
        foreach (var code in (codes ?? string.Empty).Split([Separator, ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParse(code, out var role))
            {
                roles |= role;
            }
        }

        return roles;
    }
}
