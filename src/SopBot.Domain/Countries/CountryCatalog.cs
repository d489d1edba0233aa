using System.Globalization;
using System.Text;

namespace SopBot.Domain.Countries;

/// <summary>The 26 countries of Latin America and the Caribbean with a UN Country Team, and name matching.</summary>
public static class CountryCatalog
{
    public static IReadOnlyList<Country> All { get; } =
    [
        new("ARG", "ARG", "Argentina", "Argentina", []),
        new("BRB", "BAR", "Barbados", "Barbados", ["Barbados and the OECS", "OECS"]),
        new("BLZ", "BEL", "Belize", "Belice", []),
        new("BOL", "BOL", "Bolivia", "Bolivia", []),
        new("BRA", "BRA", "Brazil", "Brasil", []),
        new("CHL", "CHI", "Chile", "Chile", []),
        new("COL", "COL", "Colombia", "Colombia", []),
        new("CRI", "COS", "Costa Rica", "Costa Rica", []),
        new("CUB", "CUB", "Cuba", "Cuba", []),
        new("DOM", "DOM", "Dominican Republic", "República Dominicana", []),
        new("ECU", "ECU", "Ecuador", "Ecuador", []),
        new("SLV", "ELS", "El Salvador", "El Salvador", []),
        new("GTM", "GUA", "Guatemala", "Guatemala", []),
        new("GUY", "GUY", "Guyana", "Guyana", []),
        new("HTI", "HAI", "Haiti", "Haití", ["Haïti"]),
        new("HND", "HON", "Honduras", "Honduras", []),
        new("JAM", "JAM", "Jamaica", "Jamaica", []),
        new("MEX", "MEX", "Mexico", "México", []),
        new("NIC", "NIC", "Nicaragua", "Nicaragua", []),
        new("PAN", "PTY", "Panama", "Panamá", []),
        new("PRY", "PAR", "Paraguay", "Paraguay", []),
        new("PER", "PER", "Peru", "Perú", []),
        new("SUR", "SUR", "Suriname", "Surinam", []),
        new("TTO", "TTO", "Trinidad and Tobago", "Trinidad y Tobago", ["Trinidad & Tobago"]),
        new("URY", "URU", "Uruguay", "Uruguay", []),
        new("VEN", "VEN", "Venezuela", "Venezuela", []),
    ];

    private static readonly Dictionary<string, Country> ByIso3 = All.ToDictionary(c => c.Iso3, StringComparer.Ordinal);

    private static readonly Dictionary<string, Country> ByNormalizedForm = BuildIndex();

    /// <summary>Returns the country with this ISO 3166-1 alpha-3 code (exact, upper case), or null.</summary>
    public static Country? FindByIso3(string? iso3) =>
        iso3 is not null && ByIso3.TryGetValue(iso3, out var country) ? country : null;

    /// <summary>
    /// Finds a country from what a person typed: ISO code, the strategy's short code, or the
    /// English, Spanish or another common name, in any case, with or without accents.
    /// </summary>
    public static Country? Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return null;
        }

        return ByNormalizedForm.TryGetValue(Normalize(text), out var country) ? country : null;
    }

    /// <summary>Returns up to <paramref name="max"/> countries whose names are closest to the text, best first.</summary>
    public static IReadOnlyList<Country> Suggest(string? text, int max = 3)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var typed = Normalize(text.Length > 100 ? text[..100] : text);
        return ByNormalizedForm
            .Select(entry => (entry.Value, Distance: EditDistance.Levenshtein(typed, entry.Key)))
            .Where(candidate => candidate.Distance <= Math.Max(2, typed.Length / 3))
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Value)
            .Distinct()
            .Take(max)
            .ToList();
    }

    /// <summary>Lower-cases, removes accents and collapses punctuation and spaces, so "HAÏTI " matches "haiti".</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(character))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(character));
                pendingSpace = false;
            }
            else if (character != '.')
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    private static Dictionary<string, Country> BuildIndex()
    {
        var index = new Dictionary<string, Country>(StringComparer.Ordinal);
        foreach (var country in All)
        {
            string[] forms = [country.Iso3, country.SourceCode, country.NameEn, country.NameEs, .. country.OtherNames];
            foreach (var form in forms)
            {
                index.TryAdd(Normalize(form), country);
            }
        }

        return index;
    }
}
