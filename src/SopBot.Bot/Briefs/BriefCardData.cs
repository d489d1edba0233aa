using SopBot.Bot.CheckIn;
using SopBot.Bot.Knowledge;

namespace SopBot.Bot.Briefs;

/// <summary>What a brief's page buttons send back: the country and page 0 (overview) or a pillar number.</summary>
public sealed record BriefPageData(string Country, int Page);

public sealed record Fact(string Title, string Value);

public sealed record PillarPageButton(string Title, BriefPageData Data);

public sealed record BriefTalkingPoints(string Label, string Title, IReadOnlyList<NumberedPoint> Points);

public sealed record BriefElementRow(string Title, string Status, string Color);

public sealed record BriefPillarData(string Name, string Counts, IReadOnlyList<BriefElementRow> Elements);

/// <summary>Data bound into cards/country-brief.json: the first page of a brief.</summary>
public sealed record BriefOverviewData(
    string Heading,
    IReadOnlyList<Fact> Facts,
    bool HasAnswers,
    string NoAnswers,
    IReadOnlyList<BriefPillarData> Pillars,
    string ChangesHeading,
    IReadOnlyList<string> Changes,
    string DetailsHeading,
    IReadOnlyList<PillarPageButton> PillarPages,
    BriefTalkingPoints TalkingPoints);

public sealed record BriefElementDetail(string Title, string Recorded, bool HasNote, string Note, IReadOnlyList<Fact> Evidence);

public sealed record BriefPageLabels(string Overview, string Next);

/// <summary>Data bound into cards/country-brief-pillar.json: one pillar's notes and evidence.</summary>
public sealed record BriefPillarPageData(
    string Heading,
    string Pillar,
    IReadOnlyList<BriefElementDetail> Elements,
    BriefPageLabels Labels,
    BriefPageData OverviewData,
    bool HasNext,
    BriefPageData NextData);
