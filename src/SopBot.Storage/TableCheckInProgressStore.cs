using Azure.Data.Tables;
using SopBot.Domain.CheckIns;

namespace SopBot.Storage;

/// <summary>
/// Each member's place in the check-in: PartitionKey the encoded AAD object id, RowKey "checkin";
/// columns CountryIso3, Quarter ("2026-Q4") and Position (element number, 0 for the summary).
/// </summary>
public sealed class TableCheckInProgressStore(SopBotTables tables) : ICheckInProgressStore
{
    private const string RowKey = "checkin";

    public async Task<CheckInProgress?> GetAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var response = await tables.CheckInProgress.GetEntityIfExistsAsync<TableEntity>(
            KeyEncoder.Encode(aadObjectId), RowKey, cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is null)
        {
            return null;
        }

        var entity = response.Value;
        if (!Quarter.TryParse(entity.GetString("Quarter"), out var quarter))
        {
            return null;
        }

        return new CheckInProgress(
            aadObjectId,
            entity.GetString("CountryIso3") ?? string.Empty,
            quarter,
            entity.GetInt32("Position") ?? CheckInProgress.SummaryPosition,
            entity.Timestamp ?? DateTimeOffset.MinValue);
    }

    public async Task SaveAsync(CheckInProgress progress, CancellationToken cancellationToken)
    {
        // Last writer wins: a member's position is theirs alone, and the latest card they opened is the right one.
        var entity = new TableEntity(KeyEncoder.Encode(progress.AadObjectId), RowKey)
        {
            ["CountryIso3"] = progress.CountryIso3,
            ["Quarter"] = progress.Quarter.ToString(),
            ["Position"] = progress.Position,
            ["UpdatedAt"] = progress.UpdatedAt,
        };
        await tables.CheckInProgress.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }
}
