using SopBot.Domain.Sop;

namespace SopBot.Domain.CheckIns;

/// <summary>Documents that back an answer: the source asks country teams to share them.</summary>
public sealed record Evidence(string TermsOfReference, string ProductOrLink, string ContactRole)
{
    public static Evidence None { get; } = new(string.Empty, string.Empty, string.Empty);
}

/// <summary>What a member enters on one element's card, before it is stored.</summary>
public sealed record AnswerInput(ElementStatus Status, string Note, Evidence Evidence);

/// <summary>
/// A country's current answer for one element in one quarter. <see cref="Version"/> is the
/// storage ETag; a writer must present it to change the answer.
/// </summary>
public sealed record ElementAnswer(
    string CountryIso3,
    Quarter Quarter,
    int ElementNumber,
    AnswerInput Input,
    string AnsweredById,
    string AnsweredByName,
    DateTimeOffset AnsweredAt,
    string Version)
{
    public ElementStatus Status => Input.Status;
}

/// <summary>One change to an answer, kept forever: who changed it, when, and the values before and after.</summary>
public sealed record AnswerHistoryEntry(
    string CountryIso3,
    Quarter Quarter,
    int ElementNumber,
    AnswerInput? Before,
    AnswerInput After,
    string ChangedById,
    string ChangedByName,
    DateTimeOffset ChangedAt);
