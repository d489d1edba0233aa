using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using SopBot.Domain;
using SopBot.Domain.CheckIns;
using SopBot.Domain.Sop;

namespace SopBot.Storage;

/// <summary>
/// Answers in Azure Table storage. One partition per country and quarter ("BRA_2026Q4") holds
/// the current answer of each element (RowKey "element-07") and an append-only history row
/// for every change (RowKey "history-07-{ticks}-{guid}"). Sharing the partition lets the
/// answer and its history row be written in one transaction, guarded by the answer's ETag.
/// </summary>
public sealed class TableCheckInStore(SopBotTables tables, TimeProvider clock) : ICheckInStore
{
    private const string ElementPrefix = "element-";
    private const string HistoryPrefix = "history-";

    public async Task<IReadOnlyList<ElementAnswer>> GetAnswersAsync(string countryIso3, Quarter quarter, CancellationToken cancellationToken)
    {
        var partition = PartitionKey(countryIso3, quarter);
        var result = new List<ElementAnswer>();
        await foreach (var entity in QueryPrefixAsync(partition, ElementPrefix, cancellationToken))
        {
            result.Add(ToAnswer(countryIso3, quarter, entity));
        }

        return result;
    }

    public async Task<IReadOnlyList<AnswerHistoryEntry>> GetHistoryAsync(string countryIso3, Quarter quarter, CancellationToken cancellationToken)
    {
        var partition = PartitionKey(countryIso3, quarter);
        var result = new List<AnswerHistoryEntry>();
        await foreach (var entity in QueryPrefixAsync(partition, HistoryPrefix, cancellationToken))
        {
            result.Add(new AnswerHistoryEntry(
                countryIso3,
                quarter,
                entity.GetInt32("Element") ?? 0,
                entity.GetString("BeforeStatus") is null ? null : ReadInput(entity, "Before"),
                ReadInput(entity, "After"),
                entity.GetString("ChangedById") ?? string.Empty,
                entity.GetString("ChangedByName") ?? string.Empty,
                entity.GetDateTimeOffset("ChangedAt") ?? DateTimeOffset.MinValue));
        }

        return result.OrderBy(entry => entry.ChangedAt).ToList();
    }

    public async Task<SaveAnswerResult> SaveAnswerAsync(
        string countryIso3,
        Quarter quarter,
        int elementNumber,
        AnswerInput input,
        Caller changedBy,
        string? expectedVersion,
        CancellationToken cancellationToken)
    {
        var partition = PartitionKey(countryIso3, quarter);
        var rowKey = ElementRowKey(elementNumber);
        var now = clock.GetUtcNow();
        var before = expectedVersion is null ? null : await GetAnswerEntityAsync(partition, rowKey, cancellationToken);
        if (expectedVersion is not null && (before is null || before.ETag.ToString() != expectedVersion))
        {
            return await ConflictAsync(countryIso3, quarter, partition, rowKey, input, changedBy, cancellationToken);
        }

        // Saving a card without editing it is not a change: no history row, and "answered by" stays.
        if (before is not null && ReadInput(before, "") == input)
        {
            return new SaveAnswerResult.Unchanged(ToAnswer(countryIso3, quarter, before));
        }

        var current = new TableEntity(partition, rowKey) { ["Element"] = elementNumber };
        WriteInput(current, "", input);
        current["AnsweredById"] = changedBy.AadObjectId;
        current["AnsweredByName"] = changedBy.DisplayName;
        current["AnsweredAt"] = now;

        var history = new TableEntity(partition, HistoryRowKey(elementNumber, now))
        {
            ["Element"] = elementNumber,
            ["ChangedById"] = changedBy.AadObjectId,
            ["ChangedByName"] = changedBy.DisplayName,
            ["ChangedAt"] = now,
        };
        if (before is not null)
        {
            WriteInput(history, "Before", ReadInput(before, ""));
        }

        WriteInput(history, "After", input);

        TableTransactionAction write = before is null
            ? new TableTransactionAction(TableTransactionActionType.Add, current)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, current, before.ETag);
        try
        {
            var response = await tables.CheckIns.SubmitTransactionAsync(
                [write, new TableTransactionAction(TableTransactionActionType.Add, history)], cancellationToken);
            var etag = response.Value[0].Headers.ETag ?? default;
            current.ETag = etag;
            return new SaveAnswerResult.Saved(ToAnswer(countryIso3, quarter, current));
        }
        catch (TableTransactionFailedException exception) when (IsConcurrencyFailure(exception))
        {
            return await ConflictAsync(countryIso3, quarter, partition, rowKey, input, changedBy, cancellationToken);
        }
    }

    private async Task<SaveAnswerResult> ConflictAsync(
        string countryIso3, Quarter quarter, string partition, string rowKey, AnswerInput input, Caller changedBy, CancellationToken cancellationToken)
    {
        var latestEntity = await GetAnswerEntityAsync(partition, rowKey, cancellationToken);
        var latest = latestEntity is null ? null : ToAnswer(countryIso3, quarter, latestEntity);

        // A retried request (Teams resends an invoke that timed out) finds its own answer already stored.
        if (latest is not null && latest.AnsweredById == changedBy.AadObjectId && latest.Input == input)
        {
            return new SaveAnswerResult.Unchanged(latest);
        }

        return new SaveAnswerResult.Conflict(latest);
    }

    /// <summary>
    /// 409 (the answer exists already), 412 (its ETag changed) and 404 for a missing answer mean
    /// another writer came first. A missing table is a configuration fault and is thrown.
    /// </summary>
    private static bool IsConcurrencyFailure(RequestFailedException exception) =>
        exception.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed
        || (exception.Status == (int)HttpStatusCode.NotFound && exception.ErrorCode != "TableNotFound");

    private async Task<TableEntity?> GetAnswerEntityAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        var response = await tables.CheckIns.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private IAsyncEnumerable<TableEntity> QueryPrefixAsync(string partition, string prefix, CancellationToken cancellationToken)
    {
        // Row keys that start with the prefix sort between the prefix and the prefix with its last character incremented.
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {upper}");
        return tables.CheckIns.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken);
    }

    private static ElementAnswer ToAnswer(string countryIso3, Quarter quarter, TableEntity entity) =>
        new(
            countryIso3,
            quarter,
            entity.GetInt32("Element") ?? 0,
            ReadInput(entity, ""),
            entity.GetString("AnsweredById") ?? string.Empty,
            entity.GetString("AnsweredByName") ?? string.Empty,
            entity.GetDateTimeOffset("AnsweredAt") ?? DateTimeOffset.MinValue,
            entity.ETag.ToString());

    private static void WriteInput(TableEntity entity, string prefix, AnswerInput input)
    {
        entity[prefix + "Status"] = input.Status.Code();
        entity[prefix + "Note"] = input.Note;
        entity[prefix + "TermsOfReference"] = input.Evidence.TermsOfReference;
        entity[prefix + "ProductOrLink"] = input.Evidence.ProductOrLink;
        entity[prefix + "ContactRole"] = input.Evidence.ContactRole;
    }

    private static AnswerInput ReadInput(TableEntity entity, string prefix)
    {
        ElementStatuses.TryParse(entity.GetString(prefix + "Status"), out var status);
        return new AnswerInput(
            status,
            entity.GetString(prefix + "Note") ?? string.Empty,
            new Evidence(
                entity.GetString(prefix + "TermsOfReference") ?? string.Empty,
                entity.GetString(prefix + "ProductOrLink") ?? string.Empty,
                entity.GetString(prefix + "ContactRole") ?? string.Empty));
    }

    public static string PartitionKey(string countryIso3, Quarter quarter) =>
        KeyEncoder.Encode(countryIso3) + "_" + quarter.Year.ToString("D4", CultureInfo.InvariantCulture) + "Q" + quarter.Number.ToString(CultureInfo.InvariantCulture);

    public static string ElementRowKey(int elementNumber) =>
        ElementPrefix + elementNumber.ToString("D2", CultureInfo.InvariantCulture);

    private static string HistoryRowKey(int elementNumber, DateTimeOffset changedAt) =>
        HistoryPrefix + elementNumber.ToString("D2", CultureInfo.InvariantCulture) + "-"
        + changedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
}
