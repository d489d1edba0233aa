namespace SopBot.Knowledge.Content;

/// <summary>The validated content of a content directory.</summary>
internal sealed record KnowledgeContent(
    IReadOnlyList<KnowledgeEntry> Entries,
    IReadOnlyList<IReadOnlyList<string>> SynonymGroups,
    TalkingPointList TalkingPointsEnglish,
    TalkingPointList TalkingPointsSpanish);
