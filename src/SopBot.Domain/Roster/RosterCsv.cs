using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using SopBot.Domain.Countries;

namespace SopBot.Domain.Roster;

/// <summary>One rejected roster row: its line number in the file and why.</summary>
public sealed record RosterRowError(int Line, string Reason);

public sealed record RosterParseResult(IReadOnlyList<RosterMember> Members, IReadOnlyList<RosterRowError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads a roster CSV with the header aadObjectId, displayName, countryIso3, role. Commas or
/// semicolons (Spanish Excel) separate fields; a byte order mark and empty lines are ignored.
/// Every row is checked, and every problem is reported with its line number.
/// </summary>
public static class RosterCsv
{
    public const int MaxIdLength = 128;
    public const int MaxDisplayNameLength = 256;

    private static readonly string[] Header = ["aadObjectId", "displayName", "countryIso3", "role"];

    public static RosterParseResult Parse(TextReader reader)
    {
        var text = reader.ReadToEnd();
        var members = new List<RosterMember>();
        var errors = new List<RosterRowError>();
        var delimiter = DetectDelimiter(text);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = true,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };

        using var csv = new CsvReader(new StringReader(text), configuration);
        if (!csv.Read() || !csv.ReadHeader() || !HasExpectedHeader(csv.HeaderRecord))
        {
            errors.Add(new RosterRowError(1, $"The first line must be the header {string.Join(delimiter, Header)}."));
            return new RosterParseResult(members, errors);
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var problem = ParseRow(csv, out var member);
            if (problem is null && seen.TryGetValue(member!.AadObjectId, out var firstLine))
            {
                problem = $"aadObjectId {member.AadObjectId} appears again; it was first on line {firstLine}.";
            }

            if (problem is not null)
            {
                errors.Add(new RosterRowError(line, problem));
                continue;
            }

            seen[member!.AadObjectId] = line;
            members.Add(member);
        }

        return new RosterParseResult(members, errors);
    }

    private static string? ParseRow(CsvReader csv, out RosterMember? member)
    {
        member = null;
        var id = csv.GetField(0) ?? string.Empty;
        var name = csv.GetField(1) ?? string.Empty;
        var countryText = csv.GetField(2) ?? string.Empty;
        var roleText = csv.GetField(3) ?? string.Empty;

        if (id.Length == 0)
        {
            return "aadObjectId is missing.";
        }

        if (id.Length > MaxIdLength || id.Any(character => char.IsControl(character) || char.IsWhiteSpace(character)))
        {
            return $"aadObjectId must be at most {MaxIdLength} characters without spaces or control characters.";
        }

        if (name.Length > MaxDisplayNameLength || name.Any(char.IsControl))
        {
            return $"displayName must be at most {MaxDisplayNameLength} characters without control characters.";
        }

        if (!Roles.TryParse(roleText, out var role))
        {
            return $"role \"{roleText}\" is not one of unctMember, secretariat, regionalDirector, administrator.";
        }

        string? countryIso3 = null;
        if (countryText.Length > 0)
        {
            var country = CountryCatalog.Resolve(countryText);
            if (country is null)
            {
                return $"countryIso3 \"{countryText}\" is not one of the 26 countries (use an ISO code such as BRA).";
            }

            countryIso3 = country.Iso3;
        }
        else if (role == Role.UnctMember)
        {
            return "countryIso3 is required for a UNCT member.";
        }

        member = new RosterMember(id, name, countryIso3, role);
        return null;
    }

    private static bool HasExpectedHeader(string[]? header) =>
        header is not null
        && header.Length >= Header.Length
        && Header.Select((name, index) => string.Equals(name, header[index].Trim(), StringComparison.OrdinalIgnoreCase)).All(match => match);

    private static string DetectDelimiter(string text)
    {
        var firstLine = text.Split('\n', 2)[0];
        return firstLine.Count(character => character == ';') > firstLine.Count(character => character == ',') ? ";" : ",";
    }
}
