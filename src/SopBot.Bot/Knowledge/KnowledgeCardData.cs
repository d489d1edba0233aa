namespace SopBot.Bot.Knowledge;

/// <summary>What a related-question or closest-topic button sends back: the entry to show.</summary>
public sealed record OpenEntryData(string EntryId);

/// <summary>What the Helpful and Not helpful buttons send back.</summary>
public sealed record FeedbackData(string EntryId, string AnswerId, string Question);

public sealed record QuestionButton(string Question, OpenEntryData Data);

/// <summary>Data bound into cards/knowledge-answer.json.</summary>
public sealed record AnswerCardData(
    string Title,
    IReadOnlyList<string> Paragraphs,
    string Source,
    string RelatedHeading,
    IReadOnlyList<QuestionButton> Related,
    bool HasThanks,
    string Thanks,
    string FeedbackPrompt,
    string HelpfulLabel,
    string NotHelpfulLabel,
    FeedbackData FeedbackData);

/// <summary>Data bound into cards/knowledge-no-answer.json.</summary>
public sealed record NoAnswerCardData(string Title, string Text, string TopicsHeading, IReadOnlyList<QuestionButton> Topics, string HelpLabel);

public sealed record NumberedPoint(int Number, string Text);

/// <summary>Data bound into cards/talking-points.json.</summary>
public sealed record TalkingPointsCardData(string Title, string Introduction, IReadOnlyList<NumberedPoint> Points);
