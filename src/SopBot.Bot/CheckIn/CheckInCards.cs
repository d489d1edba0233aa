using SopBot.Bot.Cards;
using SopBot.Bot.Localization;
using SopBot.Domain;
using SopBot.Domain.CheckIns;
using SopBot.Domain.Sop;

namespace SopBot.Bot.CheckIn;

/// <summary>Turns a check-in screen into its Adaptive Card, in the member's language.</summary>
public sealed class CheckInCards(CardRenderer renderer, CommonCards common, Localizer strings)
{
    public string Render(CheckInScreen screen, Language language) => screen switch
    {
        CheckInScreen.ElementCard card => Element(card, language),
        CheckInScreen.Summary summary => Summary(summary, language),
        CheckInScreen.Paused paused => common.Message(
            language,
            strings.Get(language, "paused.title"),
            strings.Format(language, "paused.text",
                ("answered", paused.AnsweredCount),
                ("country", paused.Context.Country.Name(language)),
                ("quarter", paused.Context.Quarter)),
            isWarning: false,
            showStart: true),
        CheckInScreen.Rejected rejected => Rejected(rejected.Problem, language),
        _ => throw new ArgumentOutOfRangeException(nameof(screen), screen.GetType().Name, "Unknown check-in screen."),
    };

    public string Rejected(CheckInProblem problem, Language language)
    {
        var isAccessProblem = problem is CheckInProblem.NotOnRoster or CheckInProblem.NoCountry or CheckInProblem.NotUnctMember;
        var title = strings.Get(language, isAccessProblem ? "access.title" : "problem.title");
        return common.Message(language, title, strings.Get(language, "problem." + problem), isWarning: true, showStart: !isAccessProblem);
    }

    private string Element(CheckInScreen.ElementCard card, Language language)
    {
        var context = card.Context;
        var element = card.Element;
        var current = card.Current;
        var shown = card.Draft ?? current?.Input;
        var (hasNotice, notice, noticeStyle) = Notice(card, language);

        var data = new ElementCardData(
            Heading: strings.Format(language, "checkIn.heading", ("country", context.Country.Name(language)), ("quarter", context.Quarter)),
            Progress: strings.Format(language, "checkIn.progress", ("number", element.Number)),
            Pillar: strings.Format(language, "checkIn.pillar", ("pillar", element.Pillar.Name(language))),
            HasNotice: hasNotice,
            Notice: notice,
            NoticeStyle: noticeStyle,
            ElementTitle: strings.Format(language, "checkIn.element", ("number", element.Number), ("title", element.ShortTitle(language))),
            Definition: element.LocalizedDefinition(language),
            HasGuidance: element.Guidance is not null,
            Guidance: element.Guidance is null ? string.Empty : strings.Format(language, "checkIn.guidance", ("guidance", element.Guidance)),
            Recorded: current is null
                ? strings.Format(language, "checkIn.notRecorded", ("quarter", context.Quarter))
                : strings.Format(language, "checkIn.recorded",
                    ("quarter", context.Quarter),
                    ("status", current.Status.Label(language)),
                    ("name", current.AnsweredByName),
                    ("date", strings.FormatDate(language, current.AnsweredAt))),
            HasRecordedNote: !string.IsNullOrEmpty(current?.Input.Note),
            RecordedNoteLabel: strings.Get(language, "checkIn.recordedNote"),
            RecordedNote: current?.Input.Note ?? string.Empty,
            StatusChoices: ElementStatuses.All.Select(status => new StatusChoice(status.Label(language), status.Code())).ToList(),
            Status: shown?.Status.Code() ?? string.Empty,
            Note: shown?.Note ?? string.Empty,
            TermsOfReference: shown?.Evidence.TermsOfReference ?? string.Empty,
            ProductOrLink: shown?.Evidence.ProductOrLink ?? string.Empty,
            ContactRole: shown?.Evidence.ContactRole ?? string.Empty,
            IsFirst: element.Number == 1,
            Labels: Labels(language),
            ActionData: new CheckInActionData(element.Number, context.Country.Iso3, context.Quarter.ToString(), current?.Version ?? string.Empty));
        return renderer.Render("checkin-element", data);
    }

    private (bool HasNotice, string Text, string Style) Notice(CheckInScreen.ElementCard card, Language language)
    {
        var context = card.Context;
        if (card.Problem is { } problem)
        {
            return (true, strings.Get(language, "problem." + problem), "attention");
        }

        return card.Notice switch
        {
            CheckInNotice.AnsweredByOther when card.Current?.AnsweredById == context.Member.AadObjectId => (
                true, strings.Get(language, "notice.savedByYouElsewhere"), "warning"),
            CheckInNotice.AnsweredByOther when card.Current is not null => (
                true,
                strings.Format(language, "notice.answeredByOther", ("name", card.Current.AnsweredByName)),
                "warning"),
            CheckInNotice.AnsweredByOther => (true, strings.Get(language, "notice.changedByOther"), "warning"),
            _ => (false, string.Empty, "default"),
        };
    }

    private ElementCardLabels Labels(Language language) => new(
        strings.Get(language, "checkIn.statusLabel"),
        strings.Get(language, "problem.MissingStatus"),
        strings.Get(language, "checkIn.noteLabel"),
        strings.Get(language, "checkIn.notePlaceholder"),
        strings.Get(language, "checkIn.evidenceHeading"),
        strings.Get(language, "checkIn.termsOfReferenceLabel"),
        strings.Get(language, "checkIn.productLabel"),
        strings.Get(language, "checkIn.contactRoleLabel"),
        strings.Get(language, "checkIn.contactRolePlaceholder"),
        strings.Get(language, "action.saveNext"),
        strings.Get(language, "action.back"),
        strings.Get(language, "action.skip"),
        strings.Get(language, "action.finishLater"));

    private string Summary(CheckInScreen.Summary screen, Language language)
    {
        var context = screen.Context;
        var answers = screen.Answers;
        var complete = answers.AnsweredCount == SopCatalog.ElementCount;
        var pillars = answers.Pillars.Select(pillar => new SummaryPillarData(
                pillar.Pillar.Name(language),
                PillarCounts(strings, pillar, language),
                SopCatalog.ElementsOf(pillar.Pillar).Select(element =>
                {
                    answers.Answers.TryGetValue(element.Number, out var answer);
                    return new SummaryElementData(
                        $"{element.Number}. {element.ShortTitle(language)}",
                        answer is null ? strings.Get(language, "summary.unanswered") : answer.Status.Label(language),
                        StatusColor(answer?.Status),
                        strings.Get(language, "action.open"),
                        new CheckInActionData(element.Number, context.Country.Iso3, context.Quarter.ToString(), answer?.Version ?? string.Empty));
                }).ToList()))
            .ToList();

        return renderer.Render("checkin-summary", new SummaryCardData(
            strings.Format(language, "summary.heading", ("country", context.Country.Name(language)), ("quarter", context.Quarter)),
            complete
                ? strings.Get(language, "summary.complete")
                : strings.Format(language, "summary.answered", ("answered", answers.AnsweredCount)),
            complete,
            strings.Get(language, answers.AnsweredCount == 0 ? "action.startCheckIn" : "action.continueCheckIn"),
            pillars));
    }

    /// <summary>Returns "Achieved 1 · In progress 2 · …" for one pillar, as the summary and the brief show it.</summary>
    public static string PillarCounts(Localizer strings, PillarSummary pillar, Language language) =>
        strings.Format(language, "summary.counts",
            ("achieved", pillar.Achieved),
            ("inProgress", pillar.InProgress),
            ("notStarted", pillar.NotStarted),
            ("notApplicable", pillar.NotApplicable),
            ("unanswered", pillar.Unanswered));

    public static string StatusColor(ElementStatus? status) => status switch
    {
        ElementStatus.Achieved => "Good",
        ElementStatus.InProgress => "Warning",
        ElementStatus.NotStarted => "Attention",
        ElementStatus.NotApplicable => "Default",
        _ => "Default",
    };
}
