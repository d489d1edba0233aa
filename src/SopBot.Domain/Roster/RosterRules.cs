using SopBot.Domain.Countries;

namespace SopBot.Domain.Roster;

/// <summary>
/// The rules every roster member must meet before it is stored, whether it comes from a CSV
/// file or from a card in Teams.
/// </summary>
public static class RosterRules
{
    public const int MaxIdLength = 128;

    public const int MaxDisplayNameLength = 256;

    /// <summary>
    /// Returns the id in the form it is stored and looked up in: trimmed, and a GUID (the form
    /// of every Entra object id) in lower case, as Teams sends it. Other ids are kept as they are.
    /// </summary>
    public static string NormalizeId(string id)
    {
        var trimmed = id.Trim();
        return Guid.TryParseExact(trimmed, "D", out var guid) ? guid.ToString("D") : trimmed;
    }

    /// <summary>
    /// True for 1 to <see cref="MaxIdLength"/> ASCII letters, digits and - _ . : @, starting with
    /// a letter or digit. Entra object ids are GUIDs, and the other characters admit the channel user
    /// ids that stand in for them in the local emulator.
    /// </summary>
    public static bool IsValidId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength || !char.IsAsciiLetterOrDigit(id[0]))
        {
            return false;
        }

        foreach (var character in id)
        {
            if (!char.IsAsciiLetterOrDigit(character) && character is not ('-' or '_' or '.' or ':' or '@'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the name fits <see cref="MaxDisplayNameLength"/> and has no control characters or unpaired surrogates.</summary>
    public static bool IsValidDisplayName(string? name)
    {
        if (name is null || name.Length > MaxDisplayNameLength)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsControl(name[i]) || char.IsLowSurrogate(name[i]))
            {
                return false;
            }

            if (char.IsHighSurrogate(name[i]))
            {
                if (i + 1 >= name.Length || !char.IsLowSurrogate(name[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    /// <summary>Returns the member with its id normalized and its display name trimmed.</summary>
    public static RosterMember Normalize(RosterMember member) =>
        member with
        {
            AadObjectId = NormalizeId(member.AadObjectId ?? string.Empty),
            DisplayName = (member.DisplayName ?? string.Empty).Trim(),
        };

    /// <summary>
    /// Returns the first rule the member breaks, with an English reason, or null when it can be
    /// stored. The member is expected in normalized form (see <see cref="Normalize"/>), with
    /// <see cref="RosterMember.CountryIso3"/> an exact ISO 3166-1 alpha-3 code of the catalog.
    /// </summary>
    public static RosterRowError? Validate(RosterMember member, int line = 0)
    {
        if (string.IsNullOrEmpty(member.AadObjectId))
        {
            return new RosterRowError(line, RosterProblem.MissingId, "aadObjectId is missing.");
        }

        if (!IsValidId(member.AadObjectId))
        {
            return new RosterRowError(
                line,
                RosterProblem.InvalidId,
                $"aadObjectId must be 1 to {MaxIdLength} letters, digits or - _ . : @, starting with a letter or digit (an Entra object id is a GUID).");
        }

        if (!IsValidDisplayName(member.DisplayName))
        {
            return new RosterRowError(
                line,
                RosterProblem.InvalidDisplayName,
                $"displayName must be at most {MaxDisplayNameLength} characters without line breaks or other control characters.");
        }

        if (member.Roles == Role.None)
        {
            return new RosterRowError(line, RosterProblem.MissingRole, $"role is missing; use one or more of {string.Join(", ", Roles.AllCodes)}.");
        }

        if ((member.Roles & ~Roles.All) != Role.None)
        {
            return new RosterRowError(line, RosterProblem.InvalidRole, $"role must be one or more of {string.Join(", ", Roles.AllCodes)}.");
        }

        if (member.CountryIso3 is not null && CountryCatalog.FindByIso3(member.CountryIso3) is null)
        {
            return new RosterRowError(line, RosterProblem.UnknownCountry, $"countryIso3 \"{member.CountryIso3}\" is not one of the {CountryCatalog.All.Count} countries (use an ISO code such as BRA).");
        }

        if (member.Has(Role.UnctMember) && member.CountryIso3 is null)
        {
            return new RosterRowError(line, RosterProblem.MissingCountry, "countryIso3 is required for a UNCT member.");
        }

        return null;
    }
}
