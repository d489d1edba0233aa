using Azure.Data.Tables;
using SopBot.Domain;
using SopBot.Domain.Knowledge;

namespace SopBot.Storage;

/// <summary>
/// Knowledge answer votes: PartitionKey the encoded entry id, RowKey the encoded voter id, so
/// each person has one vote per entry and a later vote replaces an earlier one; columns
/// EntryId, AnswerId, Helpful, Question (at most 500 characters), Language, VoterId, VotedAt.
/// </summary>
public sealed class TableFeedbackStore(SopBotTables tables) : IFeedbackStore
{
    public const int MaxQuestionLength = 500;

    public async Task SaveAsync(FeedbackVote vote, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(KeyEncoder.Encode(vote.EntryId), KeyEncoder.Encode(vote.VoterId))
        {
            ["EntryId"] = vote.EntryId,
            ["AnswerId"] = vote.AnswerId,
            ["Helpful"] = vote.Helpful,
            ["Question"] = vote.Question.Length <= MaxQuestionLength ? vote.Question : vote.Question[..MaxQuestionLength],
            ["Language"] = vote.Language.Code(),
            ["VoterId"] = vote.VoterId,
            ["VotedAt"] = vote.VotedAt,
        };
        await tables.Feedback.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackVote>> GetVotesAsync(string entryId, CancellationToken cancellationToken)
    {
        var votes = new List<FeedbackVote>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KeyEncoder.Encode(entryId)}");
        await foreach (var entity in tables.Feedback.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            votes.Add(new FeedbackVote(
                entity.GetString("EntryId") ?? entryId,
                entity.GetString("AnswerId") ?? string.Empty,
                entity.GetBoolean("Helpful") ?? false,
                entity.GetString("Question") ?? string.Empty,
                Languages.FromLocale(entity.GetString("Language")),
                entity.GetString("VoterId") ?? string.Empty,
                entity.GetDateTimeOffset("VotedAt") ?? DateTimeOffset.MinValue));
        }

        return votes;
    }
}
