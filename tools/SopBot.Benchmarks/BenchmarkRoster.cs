using System.Globalization;
using System.Text;
using SopBot.Domain.Countries;

namespace SopBot.Benchmarks;

/// <summary>One generated roster member, who sends activities as a Teams user would.</summary>
internal sealed record BenchmarkMember(string AadObjectId, string DisplayName, string CountryIso3, string Locale);

/// <summary>
/// A generated roster: every member a UN Country Team member, assigned to the 26 countries in
/// turn, so that member i and member i + 26 share a country and a check-in.
/// </summary>
internal static class BenchmarkRoster
{
    public static IReadOnlyList<BenchmarkMember> Generate(int size)
    {
        var countries = CountryCatalog.All;
        var members = new List<BenchmarkMember>(size);
        for (var index = 0; index < size; index++)
        {
            var number = (index + 1).ToString("D4", CultureInfo.InvariantCulture);
            members.Add(new BenchmarkMember(
                AadObjectId: "bench-" + number,
                DisplayName: "Benchmark Member " + number,
                CountryIso3: countries[index % countries.Count].Iso3,

                // Half the members use Spanish cards, as many country teams in the region do.
                Locale: index % 2 == 0 ? "en-US" : "es-MX"));
        }

        return members;
    }

    /// <summary>Writes the roster CSV in the format the bot loads at start-up (Roster:CsvPath).</summary>
    public static void Write(string path, IReadOnlyList<BenchmarkMember> members)
    {
        var csv = new StringBuilder("aadObjectId,displayName,countryIso3,role\n");
        foreach (var member in members)
        {
            csv.Append(member.AadObjectId).Append(',')
                .Append(member.DisplayName).Append(',')
                .Append(member.CountryIso3).Append(",unctMember\n");
        }

        File.WriteAllText(path, csv.ToString());
    }
}
