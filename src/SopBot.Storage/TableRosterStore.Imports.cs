using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SopBot.Domain.Roster;

namespace SopBot.Storage;

/// <summary>Import previews and applying them as a new roster generation.</summary>
public sealed partial class TableRosterStore
{
    private RosterImportRecords Imports => new(tables.RosterImports);

    /// <summary>
    /// Called after each chunk of a new generation is written and before the pointer switches,
    /// with the number of chunks written so far. Tests throw from it to stop an import half-way,
    /// as a crash would.
    /// </summary>
    internal Func<int, Task>? AfterGenerationChunkWritten { get; set; }

    /// <summary>Called right after the pointer switched to a new generation and before its audit rows are written. Tests throw from it.</summary>
    internal Func<Task>? AfterPointerSwitched { get; set; }

    public async Task<PreviewImportResult> PreviewImportAsync(RosterParseResult parsed, Principal actor, CancellationToken cancellationToken)
    {
        var decision = Authorizer.Decide(actor, BotAction.ImportRoster);
        if (!decision.IsAllowed)
        {
            return new PreviewImportResult.Denied(decision);
        }

        var pointer = await EnsurePointerAsync(cancellationToken);
        var current = await ReadGenerationAsync(pointer.Generation, cancellationToken);
        var rows = RosterImportPlanner.Plan(current, parsed, actor);
        var preview = await SavePreviewAsync(rows, actor.AadObjectId, actor.DisplayName, pointer.Version, cancellationToken);
        return new PreviewImportResult.Created(preview);
    }

    public async Task<RosterImportPreview?> GetImportAsync(string importId, Principal actor, CancellationToken cancellationToken)
    {
        var header = await Imports.FindHeaderAsync(importId, cancellationToken);
        if (header is null || header.GetString("ActorId") != actor.AadObjectId || !Authorizer.Decide(actor, BotAction.ImportRoster).IsAllowed)
        {
            return null;
        }

        return await Imports.LoadAsync(header, cancellationToken);
    }

    public async Task<ApplyImportResult> ApplyImportAsync(string importId, Principal actor, CancellationToken cancellationToken)
    {
        var decision = Authorizer.Decide(actor, BotAction.ImportRoster);
        if (!decision.IsAllowed)
        {
            return new ApplyImportResult.Denied(decision);
        }

        var header = await Imports.FindHeaderAsync(importId, cancellationToken);
        if (header is null)
        {
            return new ApplyImportResult.NotApplied(ApplyImportProblem.NotFound);
        }

        if (header.GetString("ActorId") != actor.AadObjectId)
        {
            return new ApplyImportResult.NotApplied(ApplyImportProblem.OtherActor);
        }

        var preview = await Imports.LoadAsync(header, cancellationToken);
        return await ApplyPreviewAsync(preview, cancellationToken);
    }

    private async Task<RosterImportPreview> SavePreviewAsync(
        IReadOnlyList<RosterImportRow> rows, string actorId, string actorName, long baseVersion, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var preview = new RosterImportPreview(
            RosterImportRecords.NewImportId(), actorId, actorName, now, now + RosterImportPreview.Lifetime, baseVersion, RosterImportStatus.Pending, rows);
        await Imports.SaveAsync(preview, cancellationToken);
        return preview;
    }

    /// <summary>
    /// Writes the preview's roster as a new generation and switches the pointer to it, guarded
    /// by the pointer's ETag, then writes the audit rows. The switch is the single step that
    /// makes every row take effect. If the process stops after it, the pointer's
    /// AuditPendingImportId makes the next edit or apply finish the audit rows first.
    /// </summary>
    private async Task<ApplyImportResult> ApplyPreviewAsync(RosterImportPreview preview, CancellationToken cancellationToken)
    {
        var pointer = await EnsurePointerAsync(cancellationToken);
        if (pointer.AuditPendingImportId is not null)
        {
            await CompletePendingAuditAsync(pointer, cancellationToken);
            pointer = await EnsurePointerAsync(cancellationToken);
        }

        if (preview.Status == RosterImportStatus.Applied || pointer.LastImportId == preview.ImportId)
        {
            return new ApplyImportResult.NotApplied(ApplyImportProblem.AlreadyApplied);
        }

        var problem = clock.GetUtcNow() > preview.ExpiresAt ? ApplyImportProblem.Expired
            : preview.RejectedCount > 0 ? ApplyImportProblem.HasRejectedRows
            : !preview.CanApply ? ApplyImportProblem.NothingToApply
            : pointer.Version != preview.BaseVersion ? ApplyImportProblem.RosterChanged
            : (ApplyImportProblem?)null;
        if (problem is not null)
        {
            return new ApplyImportResult.NotApplied(problem.Value);
        }

        if (pointer.PreviousGeneration is not null)
        {
            // The generation before the current one can never become current again, so its rows can go.
            await DeleteGenerationAsync(pointer.PreviousGeneration, cancellationToken);
        }

        var roster = await ReadGenerationAsync(pointer.Generation, cancellationToken);
        foreach (var row in preview.Rows.Where(row => row.Kind is RosterImportRowKind.Added or RosterImportRowKind.Changed))
        {
            roster[row.After!.AadObjectId] = row.After;
        }

        // NOTE: if the process stops before the switch below, this generation's rows stay in the
        // table unused. Nothing deletes them later, because a slow apply still running could switch to them.
        var generation = RosterRows.NewGeneration();
        await WriteGenerationAsync(generation, roster.Values, cancellationToken);

        // Whole milliseconds survive every store's date precision, so a later writer derives the same audit keys from the pointer.
        var now = clock.GetUtcNow();
        var appliedAt = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMillisecond));
        var switched = pointer with
        {
            Generation = generation,
            Version = pointer.Version + 1,
            PreviousGeneration = pointer.Generation,
            LastImportId = preview.ImportId,
            LastImportAt = appliedAt,
            AuditPendingImportId = preview.ImportId,
        };
        try
        {
            var response = await Table.UpdateEntityAsync(
                RosterRows.PointerEntity(switched, preview.ActorId, appliedAt), pointer.ETag, TableUpdateMode.Replace, cancellationToken);
            switched = switched with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException exception) when (IsConcurrencyFailure(exception))
        {
            // Another apply or edit came first. This generation can never become current: remove it.
            await DeleteGenerationAsync(generation, cancellationToken);
            var latest = await GetPointerAsync(cancellationToken);
            return new ApplyImportResult.NotApplied(
                latest?.LastImportId == preview.ImportId ? ApplyImportProblem.AlreadyApplied : ApplyImportProblem.RosterChanged);
        }

        if (AfterPointerSwitched is { } hook)
        {
            await hook();
        }

        await CompletePendingAuditAsync(switched, cancellationToken);
        return new ApplyImportResult.Applied(preview.ImportId, preview.AddedCount, preview.ChangedCount, switched.Version);
    }

    /// <summary>
    /// Writes the audit rows of the import named by the pointer's AuditPendingImportId, marks the
    /// preview applied and clears the field. Every step can be repeated: the audit keys are
    /// derived from the import id and the row's place, so a second writer overwrites the same rows.
    /// </summary>
    private async Task CompletePendingAuditAsync(RosterPointer pointer, CancellationToken cancellationToken)
    {
        var importId = pointer.AuditPendingImportId!;
        var header = await Imports.FindHeaderAsync(importId, cancellationToken)
            ?? throw new InvalidOperationException($"The roster pointer names import {importId} for its audit rows, and that import is missing.");
        var preview = await Imports.LoadAsync(header, cancellationToken);
        var appliedAt = pointer.LastImportAt ?? clock.GetUtcNow();
        var version = preview.BaseVersion + 1;
        var entities = preview.Rows
            .Where(row => row.Kind is RosterImportRowKind.Added or RosterImportRowKind.Changed)
            .Select((row, index) => RosterRows.AuditEntity(
                RosterRows.AuditKey(appliedAt, importId + "-" + index.ToString("D5", CultureInfo.InvariantCulture)),
                new RosterAuditEntry(
                    appliedAt,
                    preview.ActorId,
                    preview.ActorName,
                    row.Kind == RosterImportRowKind.Added ? RosterAuditAction.Added : RosterAuditAction.Changed,
                    row.After!.AadObjectId,
                    row.Before,
                    row.After,
                    version,
                    importId)));
        foreach (var chunk in entities.Chunk(RosterRows.MaxTransactionActions))
        {
            await Table.SubmitTransactionAsync(chunk.Select(entity => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity)), cancellationToken);
        }

        await Imports.MarkAppliedAsync(importId, appliedAt, cancellationToken);
        try
        {
            await Table.UpdateEntityAsync(
                RosterRows.PointerEntity(pointer with { AuditPendingImportId = null }, preview.ActorId, clock.GetUtcNow()),
                pointer.ETag,
                TableUpdateMode.Replace,
                cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == (int)System.Net.HttpStatusCode.PreconditionFailed)
        {
            // Another writer finished the same audit and cleared the field first.
        }
    }

    private async Task WriteGenerationAsync(string generation, IEnumerable<RosterMember> members, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var chunk in members.Chunk(RosterRows.MaxTransactionActions))
        {
            var actions = chunk.Select(member => new TableTransactionAction(TableTransactionActionType.UpsertReplace, RosterRows.MemberEntity(generation, member)));
            await Table.SubmitTransactionAsync(actions, cancellationToken);
            written++;
            if (AfterGenerationChunkWritten is { } hook)
            {
                await hook(written);
            }
        }
    }

    /// <summary>
    /// Deletes a generation's member rows, 100 per transaction. Two applies may delete the same
    /// generation at once: a transaction that fails because a row is gone already is not an
    /// error, and the next query finds only the rows still there.
    /// </summary>
    private async Task DeleteGenerationAsync(string generation, CancellationToken cancellationToken)
    {
        var filter = RosterRows.RangeFilter(RosterRows.GenerationPrefix(generation), null);
        while (true)
        {
            var keys = new List<string>(RosterRows.MaxTransactionActions);
            await foreach (var entity in Table.QueryAsync<TableEntity>(filter, RosterRows.MaxTransactionActions, ["RowKey"], cancellationToken))
            {
                keys.Add(entity.RowKey);
                if (keys.Count == RosterRows.MaxTransactionActions)
                {
                    break;
                }
            }

            if (keys.Count == 0)
            {
                return;
            }

            var actions = keys.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(RosterRows.Partition, key), ETag.All));
            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException exception) when (exception.Status == (int)System.Net.HttpStatusCode.NotFound && exception.ErrorCode != "TableNotFound")
            {
                // Another writer deleted one of these rows first, so query again.
            }
        }
    }
}
