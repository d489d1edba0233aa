using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using SopBot.Domain.Roster;

namespace SopBot.Storage;

/// <summary>
/// Import previews in the RosterImports table, one partition per import id (32 hex digits,
/// made here, never taken from outside unchecked).
/// <list type="bullet">
/// <item>"header": ActorId, ActorName, CreatedAt, ExpiresAt, BaseVersion, Status (Pending or Applied), AppliedAt,
/// AddedCount, ChangedCount, UnchangedCount, RejectedCount, PartCount.</item>
/// <item>"rows-0000", "rows-0001", …: the rows as one JSON array, cut into Segment00… string columns
/// (SegmentCount of them) of at most 30,000 characters each.</item>
/// </list>
/// Azure Table storage keeps at most 64 KiB (32,768 UTF-16 characters) in one string property
/// and 1 MiB in one entity. So each part contains at most 15 segments (900,000 bytes as UTF-16),
/// and a 5,000-row preview takes a few parts. The header is written last, so a preview whose
/// writing stopped half-way is never found.
/// NOTE: previews are never deleted, applied or not, so the table grows with every import (an
/// estimate: 1 to 3 MB per 5,000-row preview) until someone removes old partitions.
/// </summary>
internal sealed class RosterImportRecords(TableClient table)
{
    public const string HeaderKey = "header";
    private const string PartPrefix = "rows-";
    private const int SegmentLength = 30_000;
    private const int SegmentsPerPart = 15;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string NewImportId() => Guid.NewGuid().ToString("N");

    /// <summary>True for 32 lower-case hex digits, the form <see cref="NewImportId"/> makes.</summary>
    public static bool IsImportId(string? text) =>
        text is { Length: 32 } && text.All(character => char.IsAsciiDigit(character) || character is >= 'a' and <= 'f');

    public async Task SaveAsync(RosterImportPreview preview, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(preview.Rows, Json);
        var segments = Split(json, SegmentLength);
        var parts = segments.Chunk(SegmentsPerPart).ToList();
        for (var index = 0; index < parts.Count; index++)
        {
            var entity = new TableEntity(preview.ImportId, PartKey(index)) { ["SegmentCount"] = parts[index].Length };
            for (var segment = 0; segment < parts[index].Length; segment++)
            {
                entity[SegmentColumn(segment)] = parts[index][segment];
            }

            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }

        var header = new TableEntity(preview.ImportId, HeaderKey)
        {
            ["ActorId"] = preview.ActorId,
            ["ActorName"] = preview.ActorName,
            ["CreatedAt"] = preview.CreatedAt,
            ["ExpiresAt"] = preview.ExpiresAt,
            ["BaseVersion"] = preview.BaseVersion,
            ["Status"] = preview.Status.ToString(),
            ["AddedCount"] = preview.AddedCount,
            ["ChangedCount"] = preview.ChangedCount,
            ["UnchangedCount"] = preview.UnchangedCount,
            ["RejectedCount"] = preview.RejectedCount,
            ["PartCount"] = parts.Count,
        };
        await table.AddEntityAsync(header, cancellationToken);
    }

    /// <summary>Returns the header row, or null when the import id is invalid or unknown.</summary>
    public async Task<TableEntity?> FindHeaderAsync(string importId, CancellationToken cancellationToken)
    {
        if (!IsImportId(importId))
        {
            return null;
        }

        var response = await table.GetEntityIfExistsAsync<TableEntity>(importId, HeaderKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task<RosterImportPreview> LoadAsync(TableEntity header, CancellationToken cancellationToken)
    {
        var importId = header.PartitionKey;
        var partCount = header.GetInt32("PartCount") ?? 0;
        var json = new StringBuilder();
        for (var index = 0; index < partCount; index++)
        {
            var part = await table.GetEntityAsync<TableEntity>(importId, PartKey(index), cancellationToken: cancellationToken);
            var segmentCount = part.Value.GetInt32("SegmentCount") ?? 0;
            for (var segment = 0; segment < segmentCount; segment++)
            {
                json.Append(part.Value.GetString(SegmentColumn(segment)));
            }
        }

        var rows = json.Length == 0 ? [] : JsonSerializer.Deserialize<List<RosterImportRow>>(json.ToString(), Json) ?? [];
        Enum.TryParse<RosterImportStatus>(header.GetString("Status"), out var status);
        return new RosterImportPreview(
            importId,
            header.GetString("ActorId") ?? string.Empty,
            header.GetString("ActorName") ?? string.Empty,
            header.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            header.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue,
            header.GetInt64("BaseVersion") ?? -1,
            status,
            rows);
    }

    public async Task MarkAppliedAsync(string importId, DateTimeOffset appliedAt, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(importId, HeaderKey)
        {
            ["Status"] = RosterImportStatus.Applied.ToString(),
            ["AppliedAt"] = appliedAt,
        };
        await table.UpdateEntityAsync(entity, Azure.ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    private static string PartKey(int index) => PartPrefix + index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    private static string SegmentColumn(int index) => "Segment" + index.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Cuts the text into pieces of at most <paramref name="length"/> characters, never between the two halves of a surrogate pair.</summary>
    private static List<string> Split(string text, int length)
    {
        var pieces = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(start + length, text.Length);
            if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
            {
                end--;
            }

            pieces.Add(text[start..end]);
            start = end;
        }

        return pieces;
    }
}
