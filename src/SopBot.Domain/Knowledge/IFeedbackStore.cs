namespace SopBot.Domain.Knowledge;

/// <summary>
/// A Helpful or Not helpful vote on a knowledge answer. A person has one vote per entry: a
/// repeated click, a retried request or a vote from another answer card replaces it.
/// <see cref="AnswerId"/> names the answer card the vote came from.
/// </summary>
public sealed record FeedbackVote(
    string EntryId,
    string AnswerId,
    bool Helpful,
    string Question,
    Language Language,
    string VoterId,
    DateTimeOffset VotedAt);

/// <summary>Votes on knowledge answers, kept for the Secretariat to improve the content.</summary>
public interface IFeedbackStore
{
    Task SaveAsync(FeedbackVote vote, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedbackVote>> GetVotesAsync(string entryId, CancellationToken cancellationToken);
}
