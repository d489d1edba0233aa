namespace SopBot.Bot.CheckIn;

/// <summary>
/// What every check-in card action sends back: which card was clicked. The server checks
/// each value against the caller's roster entry; none of them grants anything.
/// </summary>
public sealed record CheckInActionData(int Element, string Country, string Quarter, string Version);

public sealed record StatusChoice(string Title, string Value);

public sealed record ElementCardLabels(
    string Status,
    string StatusRequired,
    string Note,
    string NotePlaceholder,
    string Evidence,
    string TermsOfReference,
    string ProductOrLink,
    string ContactRole,
    string ContactRolePlaceholder,
    string SaveNext,
    string Back,
    string Skip,
    string FinishLater);

/// <summary>Data bound into cards/checkin-element.json.</summary>
public sealed record ElementCardData(
    string Heading,
    string Progress,
    string Pillar,
    bool HasNotice,
    string Notice,
    string NoticeStyle,
    string ElementTitle,
    string Definition,
    bool HasGuidance,
    string Guidance,
    string Recorded,
    bool HasRecordedNote,
    string RecordedNoteLabel,
    string RecordedNote,
    IReadOnlyList<StatusChoice> StatusChoices,
    string Status,
    string Note,
    string TermsOfReference,
    string ProductOrLink,
    string ContactRole,
    bool IsFirst,
    ElementCardLabels Labels,
    CheckInActionData ActionData);

public sealed record SummaryElementData(string Title, string Status, string Color, string OpenLabel, CheckInActionData OpenData);

public sealed record SummaryPillarData(string Name, string Counts, IReadOnlyList<SummaryElementData> Elements);

/// <summary>Data bound into cards/checkin-summary.json.</summary>
public sealed record SummaryCardData(string Heading, string Answered, bool Complete, string ContinueLabel, IReadOnlyList<SummaryPillarData> Pillars);
