using System.Net;
using Azure;
using Azure.Data.Tables;
using SopBot.Domain.Roster;

namespace SopBot.Storage;

/// <summary>
/// The roster in Azure Table storage, in the partition "roster" of the Roster table (row layout
/// in <see cref="RosterRows"/>).
/// <para>
/// Members are kept in generations. The "pointer" row names the current generation and contains
/// the roster version, and every read follows it. A single edit writes the member row of the
/// current generation, its audit row and the raised version in one transaction, guarded by the
/// pointer's ETag. An import writes a whole new generation in transactions of at most 100
/// rows, then switches the pointer to it with one ETag-guarded write. Until that write the old
/// generation stays current, so an import that stops half-way changes nothing, and of two
/// concurrent writers only the first to switch or edit succeeds.
/// </para>
/// </summary>
public sealed partial class TableRosterStore(SopBotTables tables, TimeProvider clock) : IRosterManagementStore
{
    /// <summary>Teams display names are short; this bounds what a roster file can put in a column.</summary>
    public const int MaxDisplayNameLength = RosterRules.MaxDisplayNameLength;

    /// <summary>The actor recorded in the audit for <see cref="UpsertAsync"/>, the roster file loaded at start-up.</summary>
    public const string StartupActorId = "roster-file";

    private const string StartupActorName = "Roster file loaded at start-up";

    /// <summary>How often an edit is tried again after another writer changed the roster in between.</summary>
    private const int MaxAttempts = 10;

    private TableClient Table => tables.Roster;

    public async Task<RosterMember?> FindAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var id = RosterRules.NormalizeId(aadObjectId ?? string.Empty);
        if (!RosterRules.IsValidId(id))
        {
            return null;
        }

        var pointer = await GetPointerAsync(cancellationToken);
        if (pointer is null)
        {
            return null;
        }

        var member = await FindInGenerationAsync(pointer.Generation, id, cancellationToken);
        if (member is not null)
        {
            return member;
        }

        // An import may have switched generations, and a later one deleted the old rows, between the two reads.
        var latest = await GetPointerAsync(cancellationToken);
        return latest is null || latest.Generation == pointer.Generation
            ? null
            : await FindInGenerationAsync(latest.Generation, id, cancellationToken);
    }

    public async Task<RosterPage> ListAsync(RosterQuery query, CancellationToken cancellationToken)
    {
        CheckPageSize(query.PageSize);
        if (query.ContinuationToken is not null && !RosterRows.IsKeyText(query.ContinuationToken))
        {
            throw new ArgumentException("The continuation token is not one that ListAsync returned.", nameof(query));
        }

        var pointer = await GetPointerAsync(cancellationToken);
        if (pointer is null)
        {
            return new RosterPage([], null, 0);
        }

        var prefix = RosterRows.GenerationPrefix(pointer.Generation);
        var filter = RosterRows.RangeFilter(prefix, query.ContinuationToken is null ? null : prefix + query.ContinuationToken);
        if (query.CountryIso3 is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"CountryIso3 eq {query.CountryIso3}");
        }

        if (query.Role is { } role && (role & Roles.All) != Role.None)
        {
            filter += " and " + RosterRows.RoleFilter(role);
        }

        var entities = await TakeAsync(filter, query.PageSize + 1, cancellationToken);
        var members = entities.Take(query.PageSize).Select(RosterRows.ReadMember).ToList();
        var token = entities.Count > query.PageSize ? entities[query.PageSize - 1].RowKey[prefix.Length..] : null;
        return new RosterPage(members, token, pointer.Version);
    }

    public async Task<RosterSnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var pointer = await GetPointerAsync(cancellationToken);
        if (pointer is null)
        {
            return new RosterSnapshot(0, []);
        }

        var members = await ReadGenerationAsync(pointer.Generation, cancellationToken);
        return new RosterSnapshot(pointer.Version, members.Values.OrderBy(member => member.AadObjectId, StringComparer.Ordinal).ToList());
    }

    public async Task<RosterAuditPage> ListAuditAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        CheckPageSize(pageSize);
        if (continuationToken is not null && !RosterRows.IsKeyText(continuationToken))
        {
            throw new ArgumentException("The continuation token is not one that ListAuditAsync returned.", nameof(continuationToken));
        }

        var filter = RosterRows.RangeFilter(RosterRows.AuditPrefix, continuationToken is null ? null : RosterRows.AuditPrefix + continuationToken);
        var entities = await TakeAsync(filter, pageSize + 1, cancellationToken);
        var entries = entities.Take(pageSize).Select(RosterRows.ReadAudit).ToList();
        var token = entities.Count > pageSize ? entities[pageSize - 1].RowKey[RosterRows.AuditPrefix.Length..] : null;
        return new RosterAuditPage(entries, token);
    }

    public Task<RosterEditResult> AddMemberAsync(RosterMember member, Principal actor, CancellationToken cancellationToken)
    {
        var after = RosterRules.Normalize(member);
        var invalid = RosterRules.Validate(after);
        if (invalid is not null)
        {
            return Task.FromResult<RosterEditResult>(new RosterEditResult.Invalid(invalid));
        }

        return EditAsync(after.AadObjectId, actor, before =>
        {
            var decision = Authorizer.Decide(actor, BotAction.AddMember, AccessTarget.ForMemberChange(null, after));
            if (!decision.IsAllowed)
            {
                return new RosterEditResult.Denied(decision);
            }

            return before is null ? Write(null, after) : new RosterEditResult.AlreadyExists(before);
        }, cancellationToken);
    }

    public Task<RosterEditResult> ChangeMemberAsync(RosterMember member, Principal actor, CancellationToken cancellationToken)
    {
        var after = RosterRules.Normalize(member);
        var invalid = RosterRules.Validate(after);
        if (invalid is not null)
        {
            return Task.FromResult<RosterEditResult>(new RosterEditResult.Invalid(invalid));
        }

        return EditAsync(after.AadObjectId, actor, before =>
        {
            if (before is null)
            {
                return NotFoundUnlessDenied(actor, after.AadObjectId);
            }

            var decision = Authorizer.Decide(actor, BotAction.ChangeMember, AccessTarget.ForMemberChange(before, after));
            if (!decision.IsAllowed)
            {
                return new RosterEditResult.Denied(decision);
            }

            return before == after ? new RosterEditResult.Unchanged(before) : Write(before, after);
        }, cancellationToken);
    }

    public Task<RosterEditResult> RemoveMemberAsync(string aadObjectId, Principal actor, CancellationToken cancellationToken)
    {
        var id = RosterRules.NormalizeId(aadObjectId ?? string.Empty);
        return EditAsync(id, actor, before =>
        {
            if (before is null)
            {
                return NotFoundUnlessDenied(actor, id);
            }

            var decision = Authorizer.Decide(actor, BotAction.RemoveMember, AccessTarget.ForMemberChange(before, null));
            return decision.IsAllowed ? Write(before, null) : new RosterEditResult.Denied(decision);
        }, cancellationToken);
    }

    public Task<RosterEditResult> GrantRoleAsync(string aadObjectId, Role role, Principal actor, CancellationToken cancellationToken) =>
        ChangeRoleAsync(aadObjectId, role, BotAction.GrantRole, actor, cancellationToken);

    public Task<RosterEditResult> RevokeRoleAsync(string aadObjectId, Role role, Principal actor, CancellationToken cancellationToken) =>
        ChangeRoleAsync(aadObjectId, role, BotAction.RevokeRole, actor, cancellationToken);

    private Task<RosterEditResult> ChangeRoleAsync(string aadObjectId, Role role, BotAction action, Principal actor, CancellationToken cancellationToken)
    {
        var id = RosterRules.NormalizeId(aadObjectId ?? string.Empty);
        return EditAsync(id, actor, before =>
        {
            var roleDecision = Authorizer.Decide(actor, action, AccessTarget.ForRole(id, role));
            if (!roleDecision.IsAllowed)
            {
                return new RosterEditResult.Denied(roleDecision);
            }

            if (before is null)
            {
                return new RosterEditResult.NotFound(id);
            }

            var after = before with { Roles = action == BotAction.GrantRole ? before.Roles | role : before.Roles & ~role };
            if (after == before)
            {
                return new RosterEditResult.Unchanged(before);
            }

            if (after.Roles == Role.None)
            {
                return new RosterEditResult.Invalid(new RosterRowError(0, RosterProblem.MissingRole, $"{role.ToCodes()} is the last role of {id}. Remove the member instead."));
            }

            var invalid = RosterRules.Validate(after);
            if (invalid is not null)
            {
                return new RosterEditResult.Invalid(invalid);
            }

            // Changing the entry of someone with a privileged role needs an Administrator too.
            var changeDecision = Authorizer.Decide(actor, BotAction.ChangeMember, AccessTarget.ForMemberChange(before, after));
            return changeDecision.IsAllowed ? Write(before, after) : new RosterEditResult.Denied(changeDecision);
        }, cancellationToken);
    }

    /// <summary>
    /// Inserts or replaces the members as one import by <see cref="StartupActorId"/>, without an
    /// authorization check: the file comes from the deployment's configuration. Writes nothing
    /// when every member is stored with these values already.
    /// </summary>
    /// <exception cref="ArgumentException">A member breaks a roster rule.</exception>
    public async Task UpsertAsync(IReadOnlyCollection<RosterMember> members, CancellationToken cancellationToken)
    {
        var requested = new Dictionary<string, RosterMember>(StringComparer.Ordinal);
        foreach (var member in members.Select(RosterRules.Normalize))
        {
            var invalid = RosterRules.Validate(member);
            if (invalid is not null)
            {
                throw new ArgumentException($"Roster member {member.AadObjectId} is invalid: {invalid.Reason}", nameof(members));
            }

            requested[member.AadObjectId] = member;
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var pointer = await EnsurePointerAsync(cancellationToken);
            var current = await ReadGenerationAsync(pointer.Generation, cancellationToken);
            var rows = new List<RosterImportRow>();
            foreach (var after in requested.Values)
            {
                current.TryGetValue(after.AadObjectId, out var before);
                if (before != after)
                {
                    rows.Add(new RosterImportRow(0, before is null ? RosterImportRowKind.Added : RosterImportRowKind.Changed, before, after));
                }
            }

            if (rows.Count == 0)
            {
                return;
            }

            var preview = await SavePreviewAsync(rows, StartupActorId, StartupActorName, pointer.Version, cancellationToken);
            var result = await ApplyPreviewAsync(preview, cancellationToken);
            if (result is ApplyImportResult.Applied)
            {
                return;
            }

            if (result is not ApplyImportResult.NotApplied { Problem: ApplyImportProblem.RosterChanged })
            {
                throw new InvalidOperationException($"Loading the roster file failed: {result}.");
            }
        }

        throw new InvalidOperationException($"Loading the roster file failed: the roster changed during each of {MaxAttempts} attempts.");
    }

    private static RosterEditResult NotFoundUnlessDenied(Principal actor, string id)
    {
        // Someone who cannot see the roster learns nothing about who is on it.
        var decision = Authorizer.Decide(actor, BotAction.ViewRoster, AccessTarget.AllCountries);
        return decision.IsAllowed ? new RosterEditResult.NotFound(id) : new RosterEditResult.Denied(decision);
    }

    /// <summary>A decision to write: <see cref="EditAsync"/> turns it into the transaction and the <see cref="RosterEditResult.Saved"/> result.</summary>
    private static RosterEditResult Write(RosterMember? before, RosterMember? after)
    {
        var action = RosterAuditAction.Changed;
        if (before is null)
        {
            action = RosterAuditAction.Added;
        }
        else if (after is null)
        {
            action = RosterAuditAction.Removed;
        }

        return new RosterEditResult.Saved(action, before, after, 0);
    }

    /// <summary>
    /// Reads the member as stored now, lets <paramref name="decide"/> choose the outcome, and for
    /// a write stores the member, its audit row and the raised version in one transaction
    /// guarded by the pointer's ETag. Tried again when another writer came first.
    /// </summary>
    private async Task<RosterEditResult> EditAsync(string id, Principal actor, Func<RosterMember?, RosterEditResult> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var pointer = await EnsurePointerAsync(cancellationToken);
            if (pointer.AuditPendingImportId is not null)
            {
                await CompletePendingAuditAsync(pointer, cancellationToken);
                continue;
            }

            var before = RosterRules.IsValidId(id) ? await FindInGenerationAsync(pointer.Generation, id, cancellationToken) : null;
            var outcome = decide(before);
            if (outcome is not RosterEditResult.Saved write)
            {
                return outcome;
            }

            var now = clock.GetUtcNow();
            var version = pointer.Version + 1;
            var memberAction = write.After is null
                ? new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(RosterRows.Partition, RosterRows.MemberKey(pointer.Generation, id)), ETag.All)
                : new TableTransactionAction(TableTransactionActionType.UpsertReplace, RosterRows.MemberEntity(pointer.Generation, write.After));
            var audit = new RosterAuditEntry(now, actor.AadObjectId, actor.DisplayName, write.Action, id, write.Before, write.After, version, null);
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.UpdateReplace, RosterRows.PointerEntity(pointer with { Version = version }, actor.AadObjectId, now), pointer.ETag),
                memberAction,
                new(TableTransactionActionType.Add, RosterRows.AuditEntity(RosterRows.AuditKey(now, Guid.NewGuid().ToString("N")), audit)),
            ];
            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken);
                return write with { RosterVersion = version };
            }
            catch (TableTransactionFailedException exception) when (IsConcurrencyFailure(exception))
            {
                // Another edit or an import changed the pointer since it was read: read everything again.
            }
        }

        throw new InvalidOperationException($"The roster changed during each of {MaxAttempts} attempts to edit {id}. Try again.");
    }

    private async Task<RosterPointer?> GetPointerAsync(CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(RosterRows.Partition, RosterRows.PointerKey, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is not null ? RosterRows.ReadPointer(response.Value) : null;
    }

    /// <summary>Returns the pointer, creating it with an empty first generation when the roster was never written.</summary>
    private async Task<RosterPointer> EnsurePointerAsync(CancellationToken cancellationToken)
    {
        var pointer = await GetPointerAsync(cancellationToken);
        if (pointer is not null)
        {
            return pointer;
        }

        var created = new RosterPointer(RosterRows.NewGeneration(), 0, null, null, null, null, default);
        try
        {
            await Table.AddEntityAsync(RosterRows.PointerEntity(created, StartupActorId, clock.GetUtcNow()), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.Conflict)
        {
            // Another instance created it first, so its generation is the one to use.
        }

        return await GetPointerAsync(cancellationToken)
            ?? throw new InvalidOperationException("The roster pointer row is missing right after it was created.");
    }

    private async Task<RosterMember?> FindInGenerationAsync(string generation, string id, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(
            RosterRows.Partition, RosterRows.MemberKey(generation, id), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is not null ? RosterRows.ReadMember(response.Value) : null;
    }

    private async Task<Dictionary<string, RosterMember>> ReadGenerationAsync(string generation, CancellationToken cancellationToken)
    {
        var members = new Dictionary<string, RosterMember>(StringComparer.Ordinal);
        var filter = RosterRows.RangeFilter(RosterRows.GenerationPrefix(generation), null);
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var member = RosterRows.ReadMember(entity);
            members[member.AadObjectId] = member;
        }

        return members;
    }

    /// <summary>Returns at most <paramref name="count"/> rows in key order, reading as many service pages as that takes.</summary>
    private async Task<List<TableEntity>> TakeAsync(string filter, int count, CancellationToken cancellationToken)
    {
        var entities = new List<TableEntity>(count);
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(count, RosterQuery.MaxPageSize), cancellationToken: cancellationToken))
        {
            entities.Add(entity);
            if (entities.Count == count)
            {
                break;
            }
        }

        return entities;
    }

    private static void CheckPageSize(int pageSize)
    {
        if (pageSize is < 1 or > RosterQuery.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"The page size must be 1 to {RosterQuery.MaxPageSize}.");
        }
    }

    /// <summary>
    /// 412 (the pointer's ETag changed), 409 (a row exists already) and 404 (a row is gone) mean
    /// another writer came first. A missing table is a configuration fault and is thrown.
    /// </summary>
    private static bool IsConcurrencyFailure(RequestFailedException exception) =>
        exception.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed
        || (exception.Status == (int)HttpStatusCode.NotFound && exception.ErrorCode != "TableNotFound");
}
