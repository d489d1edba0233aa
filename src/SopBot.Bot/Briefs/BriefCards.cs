using SopBot.Bot.Cards;
using SopBot.Bot.CheckIn;
using SopBot.Bot.Knowledge;
using SopBot.Bot.Localization;
using SopBot.Domain;
using SopBot.Domain.Briefs;
using SopBot.Domain.CheckIns;
using SopBot.Domain.Sop;
using SopBot.Knowledge;

namespace SopBot.Bot.Briefs;

/// <summary>
/// Renders a country brief in pages: an overview (status per element, changes, talking points)
/// and one page per pillar with the notes and evidence, so that no card nears Teams' size limit.
/// </summary>
public sealed class BriefCards(CardRenderer renderer, KnowledgeBase knowledge, Localizer strings)
{
    public string Overview(CountryBrief brief, Language language)
    {
        var country = brief.Country.Name(language);
        var points = knowledge.TalkingPoints(language);
        var latest = brief.Latest;
        var data = new BriefOverviewData(
            strings.Format(language, "brief.heading", ("country", country)),
            Facts(brief, language),
            brief.HasAnswers,
            strings.Get(language, "brief.noAnswers"),
            latest is null ? [] : latest.Pillars.Select(pillar => new BriefPillarData(
                pillar.Pillar.Name(language),
                CheckInCards.PillarCounts(strings, pillar, language),
                SopCatalog.ElementsOf(pillar.Pillar).Select(element =>
                {
                    latest.Answers.TryGetValue(element.Number, out var answer);
                    return new BriefElementRow(
                        $"{element.Number}. {element.ShortTitle(language)}",
                        StatusLabel(answer?.Status, language),
                        answer is null ? "Default" : CheckInCards.StatusColor(answer.Status));
                }).ToList())).ToList(),
            strings.Get(language, "brief.changes"),
            Changes(brief, language),
            strings.Get(language, "brief.details"),
            SopCatalog.Pillars.Select(pillar => new PillarPageButton(pillar.Name(language), new BriefPageData(brief.Country.Iso3, pillar.Number))).ToList(),
            new BriefTalkingPoints(
                strings.Get(language, "talkingPoints.label"),
                points.Title,
                points.Points.Select((text, index) => new NumberedPoint(index + 1, text)).ToList()));
        return renderer.Render("country-brief", data);
    }

    /// <summary>The page of pillar <paramref name="pillarNumber"/> (1 to 6) of a brief that has answers.</summary>
    public string PillarPage(CountryBrief brief, int pillarNumber, Language language)
    {
        var latest = brief.Latest!;
        var pillar = SopCatalog.Pillars[pillarNumber - 1];
        var elements = SopCatalog.ElementsOf(pillar).Select(element =>
        {
            latest.Answers.TryGetValue(element.Number, out var answer);
            return new BriefElementDetail(
                $"{element.Number}. {element.ShortTitle(language)}: {StatusLabel(answer?.Status, language)}",
                answer is null
                    ? strings.Format(language, "checkIn.notRecorded", ("quarter", latest.Quarter))
                    : strings.Format(language, "checkIn.recorded",
                        ("quarter", latest.Quarter),
                        ("status", answer.Status.Label(language)),
                        ("name", answer.AnsweredByName),
                        ("date", strings.FormatDate(language, answer.AnsweredAt))),
                !string.IsNullOrEmpty(answer?.Input.Note),
                answer?.Input.Note ?? string.Empty,
                Evidence(answer, language));
        }).ToList();

        var hasNext = pillarNumber < SopCatalog.Pillars.Count;
        return renderer.Render("country-brief-pillar", new BriefPillarPageData(
            strings.Format(language, "brief.pillarHeading", ("country", brief.Country.Name(language)), ("quarter", latest.Quarter)),
            strings.Format(language, "checkIn.pillar", ("pillar", pillar.Name(language))),
            elements,
            new BriefPageLabels(strings.Get(language, "brief.overview"), strings.Get(language, "brief.next")),
            new BriefPageData(brief.Country.Iso3, 0),
            hasNext,
            new BriefPageData(brief.Country.Iso3, hasNext ? pillarNumber + 1 : pillarNumber)));
    }

    private List<Fact> Facts(CountryBrief brief, Language language)
    {
        if (!brief.HasAnswers)
        {
            return [];
        }

        return
        [
            new Fact(strings.Get(language, "brief.latestQuarter"), brief.LatestQuarter!.Value.ToString()),
            new Fact(strings.Get(language, "brief.lastCheckIn"), strings.FormatDate(language, brief.LastCheckIn!.Value)),
            new Fact(strings.Get(language, "brief.answered"), strings.Format(language, "brief.answeredValue", ("answered", brief.Latest!.AnsweredCount))),
            new Fact(
                strings.Get(language, "brief.comparedWith"),
                brief.PreviousQuarter?.ToString() ?? strings.Get(language, "brief.noPreviousQuarter")),
        ];
    }

    private List<string> Changes(CountryBrief brief, Language language)
    {
        if (!brief.HasAnswers)
        {
            return [];
        }

        if (brief.PreviousQuarter is null)
        {
            return [strings.Get(language, "brief.noComparison")];
        }

        if (brief.Changes.Count == 0)
        {
            return [strings.Get(language, "brief.noChanges")];
        }

        return brief.Changes.Select(change => strings.Format(language, "brief.change",
                ("number", change.ElementNumber),
                ("title", SopCatalog.Element(change.ElementNumber).ShortTitle(language)),
                ("before", StatusLabel(change.Before, language)),
                ("after", StatusLabel(change.After, language))))
            .ToList();
    }

    private List<Fact> Evidence(ElementAnswer? answer, Language language)
    {
        if (answer is null)
        {
            return [];
        }

        var evidence = answer.Input.Evidence;
        return new[]
            {
                (Key: "evidence.termsOfReference", Value: evidence.TermsOfReference),
                (Key: "evidence.productOrLink", Value: evidence.ProductOrLink),
                (Key: "evidence.contactRole", Value: evidence.ContactRole),
            }
            .Where(item => !string.IsNullOrEmpty(item.Value))
            .Select(item => new Fact(strings.Get(language, item.Key), item.Value))
            .ToList();
    }

    private string StatusLabel(ElementStatus? status, Language language) =>
        status?.Label(language) ?? strings.Get(language, "brief.notAnswered");
}
