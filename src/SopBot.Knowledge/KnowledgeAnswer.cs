using SopBot.Domain;
using SopBot.Knowledge.Content;

namespace SopBot.Knowledge;

/// <summary>Outcome of answering a question.</summary>
public enum AnswerStatus
{
    /// <summary>An entry matches well enough: show <see cref="KnowledgeAnswer.Entry"/>.</summary>
    Answered,

    /// <summary>Nothing matches well enough. Show that and offer <see cref="KnowledgeAnswer.ClosestTopics"/>.</summary>
    NoAnswer,

    /// <summary>The message has no words to search (empty, punctuation, emoji or stop words only).</summary>
    NotUnderstood,
}

/// <summary>How the answered entry was found.</summary>
public enum MatchKind
{
    None,

    /// <summary>Full-text search over the entries.</summary>
    Search,

    /// <summary>The question named a core element by number, such as "element 12".</summary>
    ElementReference,

    /// <summary>The question named a pillar by number, such as "pillar 3".</summary>
    PillarReference,
}

/// <summary>A follow-up question offered as a button, in the user's language.</summary>
public sealed record SuggestedQuestion(string EntryId, string Title, string Question);

/// <summary>A search candidate with its BM25 score and coverage (see <see cref="KnowledgeAnswer.Coverage"/>).</summary>
public sealed record RankedEntry(KnowledgeEntry Entry, float Score, double Coverage);

/// <summary>The result of <see cref="KnowledgeBase.Answer"/>.</summary>
public sealed record KnowledgeAnswer
{
    public required AnswerStatus Status { get; init; }

    /// <summary>The language that <see cref="Title"/>, <see cref="Text"/> and the suggestions are in.</summary>
    public required Language Language { get; init; }

    /// <summary>The answering entry; set only when <see cref="Status"/> is <see cref="AnswerStatus.Answered"/>.</summary>
    public KnowledgeEntry? Entry { get; init; }

    /// <summary>BM25 score of the best search candidate, 0 when there is none.</summary>
    public float Score { get; init; }

    /// <summary>Share (0 to 1) of the question's weighted terms that the best candidate explains; 1 for a reference by number.</summary>
    public double Coverage { get; init; }

    public MatchKind MatchKind { get; init; }

    /// <summary>Up to three follow-up questions from the entry's related entries. Empty unless answered.</summary>
    public IReadOnlyList<SuggestedQuestion> RelatedQuestions { get; init; } = [];

    /// <summary>Up to three topics to offer when not answered: the nearest candidates, or starter topics when nothing matched.</summary>
    public IReadOnlyList<SuggestedQuestion> ClosestTopics { get; init; } = [];

    /// <summary>The best candidates in rank order, at most three, whether or not the answer is confident.</summary>
    public IReadOnlyList<RankedEntry> Candidates { get; init; } = [];

    public bool IsConfident => Status == AnswerStatus.Answered;

    public string? Title => Entry?.Title.Get(Language);

    /// <summary>The answer text in <see cref="Language"/>, including the official definition for a core element.</summary>
    public string? Text => Entry?.ReplyText(Language);
}
