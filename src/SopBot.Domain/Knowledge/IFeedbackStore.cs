namespace SopBot.Domain.Knowledge;

/// <summary>
/// A Helpful or Not helpful vote on a knowledge answer. <see cref="AnswerId"/> identifies the
/// answer card, so a repeated click or a retried request replaces the vote instead of adding one.
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
