using System.Globalization;
using System.Text.RegularExpressions;

namespace SopBot.Domain.CheckIns;

/// <summary>A calendar quarter such as 2026-Q4, the period a check-in covers.</summary>
public readonly partial record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public static Quarter FromDate(DateTimeOffset date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    public Quarter Previous() => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}");

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    /// <summary>Parses the form "2026-Q4"; anything else, or a year outside 2000 to 2999, is rejected.</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is null)
        {
            return false;
        }

        var match = QuarterPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        quarter = new Quarter(
            int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        return true;
    }

    [GeneratedRegex(@"^(2\d{3})-Q([1-4])$", RegexOptions.CultureInvariant)]
    private static partial Regex QuarterPattern();
}
