using Azure;
using Azure.Data.Tables;
using SopBot.Domain.Roster;

namespace SopBot.Storage;

/// <summary>
/// The roster in Azure Table storage: PartitionKey "member", RowKey the encoded AAD object id;
/// columns DisplayName, CountryIso3 and Roles (role codes joined by commas).
/// </summary>
public sealed class TableRosterStore(SopBotTables tables) : IRosterStore
{
    private const string MemberPartition = "member";

    /// <summary>Teams display names are short; this bounds what a roster file can put in a column.</summary>
    public const int MaxDisplayNameLength = 256;

    public async Task<RosterMember?> FindAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var response = await tables.Roster.GetEntityIfExistsAsync<TableEntity>(
            MemberPartition, KeyEncoder.Encode(aadObjectId), cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is null)
        {
            return null;
        }

        var entity = response.Value;
        return new RosterMember(
            aadObjectId,
            entity.GetString("DisplayName") ?? string.Empty,
            entity.GetString("CountryIso3"),
            Roles.FromCodes(entity.GetString("Roles")));
    }

    public async Task UpsertAsync(IReadOnlyCollection<RosterMember> members, CancellationToken cancellationToken)
    {
        // One partition holds every member, so batches of at most 100 go through as transactions.
        foreach (var chunk in members.Chunk(100))
        {
            var actions = chunk.Select(member => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new TableEntity(MemberPartition, KeyEncoder.Encode(member.AadObjectId))
                {
                    ["DisplayName"] = Truncate(member.DisplayName, MaxDisplayNameLength),
                    ["CountryIso3"] = member.CountryIso3,
                    ["Roles"] = member.Roles.ToCodes(),
                }));
            await tables.Roster.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
