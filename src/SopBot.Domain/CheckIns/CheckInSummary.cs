using SopBot.Domain.Sop;

namespace SopBot.Domain.CheckIns;

/// <summary>Counts of answers by status for one pillar.</summary>
public sealed record PillarSummary(Pillar Pillar, int Achieved, int InProgress, int NotStarted, int NotApplicable, int Unanswered);

/// <summary>A country's check-in for a quarter: every element with its answer, and counts per pillar.</summary>
public sealed record CheckInSummary(string CountryIso3, Quarter Quarter, IReadOnlyList<PillarSummary> Pillars, IReadOnlyDictionary<int, ElementAnswer> Answers)
{
    public int AnsweredCount => Answers.Count;

    public static CheckInSummary From(string countryIso3, Quarter quarter, IEnumerable<ElementAnswer> answers)
    {
        var byElement = answers.ToDictionary(answer => answer.ElementNumber);
        var pillars = SopCatalog.Pillars
            .Select(pillar =>
            {
                var statuses = SopCatalog.ElementsOf(pillar)
                    .Select(element => byElement.TryGetValue(element.Number, out var answer) ? answer.Status : (ElementStatus?)null)
                    .ToList();
                return new PillarSummary(
                    pillar,
                    statuses.Count(status => status == ElementStatus.Achieved),
                    statuses.Count(status => status == ElementStatus.InProgress),
                    statuses.Count(status => status == ElementStatus.NotStarted),
                    statuses.Count(status => status == ElementStatus.NotApplicable),
                    statuses.Count(status => status is null));
            })
            .ToList();
        return new CheckInSummary(countryIso3, quarter, pillars, byElement);
    }
}
