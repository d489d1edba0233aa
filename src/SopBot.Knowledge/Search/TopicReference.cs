using System.Text.RegularExpressions;

namespace SopBot.Knowledge.Search;

/// <summary>
/// Recognizes direct references to a core element or a pillar by number, such as "element 12",
/// "elemento 12", "core element #12", "CE12", "element twelve" or "pilar 3".
/// </summary>
internal static partial class TopicReference
{
    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13,
        ["fourteen"] = 14, ["fifteen"] = 15,
        ["uno"] = 1, ["dos"] = 2, ["tres"] = 3, ["cuatro"] = 4, ["cinco"] = 5, ["seis"] = 6, ["siete"] = 7,
        ["ocho"] = 8, ["nueve"] = 9, ["diez"] = 10, ["once"] = 11, ["doce"] = 12, ["trece"] = 13,
        ["catorce"] = 14, ["quince"] = 15,
    };

    /// <summary>Returns the element number that the folded question refers to, or null. The number is not range-checked.</summary>
    public static int? FindElementNumber(string foldedText) => FindNumber(ElementPattern().Match(foldedText));

    /// <summary>Returns the pillar number that the folded question refers to, or null. The number is not range-checked.</summary>
    public static int? FindPillarNumber(string foldedText) => FindNumber(PillarPattern().Match(foldedText));

    private static int? FindNumber(Match match)
    {
        if (!match.Success)
        {
            return null;
        }

        var value = match.Groups["number"].Value;
        if (int.TryParse(value, out var number))
        {
            return number;
        }

        return NumberWords.TryGetValue(value, out var wordNumber) ? wordNumber : null;
    }

    // Digits may follow the singular or plural noun; number words only the singular, so that
    // "elements one programme" style phrasing does not read as element 1.
    [GeneratedRegex(
        @"\b(?:(?:core\s+)?elements?|elementos?|ce)\s*(?:n[o.]\s*\.?|nro\.?|num\.?|number|numero|#)?\s*(?<number>\d{1,2})(?!\d)"
        + @"|\b(?:core\s+element|element|elemento)\s+(?:number\s+|numero\s+)?(?<number>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex ElementPattern();

    [GeneratedRegex(
        @"\b(?:pillars?|pilar|pilares)\s*(?:n[o.]\s*\.?|number|numero|#)?\s*(?<number>[1-6])(?!\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex PillarPattern();
}
