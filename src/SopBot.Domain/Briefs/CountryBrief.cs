using SopBot.Domain.CheckIns;
using SopBot.Domain.Countries;
using SopBot.Domain.Sop;

namespace SopBot.Domain.Briefs;

/// <summary>An element whose status differs between the previous quarter and the latest one.</summary>
public sealed record ElementChange(int ElementNumber, ElementStatus? Before, ElementStatus? After);

/// <summary>
/// What a Regional Director reads before visiting a country: the latest quarter with answers,
/// each element's status with its note and evidence, and what changed since the quarter before.
/// </summary>
public sealed record CountryBrief(
    Country Country,
    Quarter? LatestQuarter,
    CheckInSummary? Latest,
    Quarter? PreviousQuarter,
    IReadOnlyList<ElementChange> Changes,
    DateTimeOffset? LastCheckIn)
{
    public bool HasAnswers => Latest is not null;
}

/// <summary>Builds country briefs from the stored check-ins.</summary>
public sealed class BriefService(ICheckInStore answers, TimeProvider clock)
{
    /// <summary>How far back to look for the latest quarter with answers: a year.</summary>
    public const int QuartersToSearch = 4;

    public async Task<CountryBrief> BuildAsync(Country country, CancellationToken cancellationToken)
    {
        var quarter = Quarter.FromDate(clock.GetUtcNow());
        for (var i = 0; i < QuartersToSearch; i++, quarter = quarter.Previous())
        {
            var latest = await answers.GetAnswersAsync(country.Iso3, quarter, cancellationToken);
            if (latest.Count == 0)
            {
                continue;
            }

            var previousQuarter = quarter.Previous();
            var previous = await answers.GetAnswersAsync(country.Iso3, previousQuarter, cancellationToken);
            return new CountryBrief(
                country,
                quarter,
                CheckInSummary.From(country.Iso3, quarter, latest),
                previous.Count == 0 ? null : previousQuarter,
                previous.Count == 0 ? [] : Changes(latest, previous),
                latest.Max(answer => answer.AnsweredAt));
        }

        return new CountryBrief(country, null, null, null, [], null);
    }

    private static List<ElementChange> Changes(IReadOnlyList<ElementAnswer> latest, IReadOnlyList<ElementAnswer> previous)
    {
        var before = previous.ToDictionary(answer => answer.ElementNumber, answer => answer.Status);
        var after = latest.ToDictionary(answer => answer.ElementNumber, answer => answer.Status);
        return SopCatalog.Elements
            .Select(element => new ElementChange(
                element.Number,
                before.TryGetValue(element.Number, out var old) ? old : null,
                after.TryGetValue(element.Number, out var current) ? current : null))
            .Where(change => change.Before != change.After && change.After is not null)
            .ToList();
    }
}
