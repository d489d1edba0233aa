using SopBot.Domain;
using SopBot.Domain.Sop;

namespace SopBot.Knowledge.Content;

/// <summary>One question-and-answer topic of the knowledge base, in English and Spanish.</summary>
public sealed record KnowledgeEntry
{
    public required string Id { get; init; }

    public required LocalizedText Title { get; init; }

    /// <summary>The answer as written in the content file, without the official element definition.</summary>
    public required LocalizedText Answer { get; init; }

    public required IReadOnlyList<string> QuestionsEnglish { get; init; }

    public required IReadOnlyList<string> QuestionsSpanish { get; init; }

    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>The section of the UNDG LAC strategy of 18 January 2016 that the entry draws on.</summary>
    public required string Source { get; init; }

    public required IReadOnlyList<string> RelatedIds { get; init; }

    /// <summary>The core element (1 to 15) that the entry explains, or null.</summary>
    public int? ElementNumber { get; init; }

    /// <summary>The pillar (1 to 6) that the entry explains, or null.</summary>
    public int? PillarNumber { get; init; }

    /// <summary>Whether the entry is suggested when a question matches nothing.</summary>
    public bool IsStarter { get; init; }

    /// <summary>The content file the entry was loaded from, relative to the content directory.</summary>
    public required string SourceFile { get; init; }

    public IReadOnlyList<string> Questions(Language language) =>
        language == Language.Spanish ? QuestionsSpanish : QuestionsEnglish;

    /// <summary>
    /// Returns the text to show as the answer. For a core element it starts with the official
    /// definition from <see cref="SopCatalog"/>, followed by the entry's own explanation.
    /// </summary>
    public string ReplyText(Language language)
    {
        if (ElementNumber is not int number)
        {
            return Answer.Get(language);
        }

        var element = SopCatalog.Element(number);
        var label = language == Language.Spanish ? "Definición oficial" : "Official definition";
        var pillarLabel = language == Language.Spanish ? "Pilar" : "Pillar";
        return $"{pillarLabel}: {element.Pillar.Name(language)}\n{label}: \"{element.LocalizedDefinition(language)}\"\n\n"
            + Answer.Get(language);
    }
}
