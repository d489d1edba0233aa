using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using SopBot.Domain.Roster;
using SopBot.Domain.Teams;

namespace SopBot.Storage;

/// <summary>
/// Team links in the TeamLinks table, one partition per team (PartitionKey the encoded team id):
/// <list type="bullet">
/// <item>"link": TeamId, ChannelId, CountryIso3, ConversationReference (JSON, at most 32,000 characters), LinkedById, LinkedByName, LinkedAt.</item>
/// <item>"audit-{ticks}-{guid}": At, ActorId, ActorName, Action, TeamId, and Before… and After… copies of the link columns. Ticks sort the oldest first.</item>
/// </list>
/// The link and its audit row are written in one transaction, guarded by the link's ETag.
/// Listing a country's teams reads the "link" rows of every partition, which is fine for the
/// few hundred teams of the region, but a larger table would need an index by country.
/// </summary>
public sealed class TableTeamLinkStore(SopBotTables tables, TimeProvider clock) : ITeamLinkStore
{
    private const string LinkKey = "link";
    private const string AuditPrefix = "audit-";
    private const int MaxAttempts = 5;

    private TableClient Table => tables.TeamLinks;

    public async Task<TeamLinkResult> LinkAsync(TeamLinkRequest request, Principal actor, CancellationToken cancellationToken)
    {
        var problem = TeamLinkRules.Validate(request);
        if (problem is not null)
        {
            return new TeamLinkResult.Invalid(problem.Value);
        }

        var decision = Authorizer.Decide(actor, BotAction.LinkTeam, AccessTarget.ForCountry(request.CountryIso3));
        if (!decision.IsAllowed)
        {
            return new TeamLinkResult.Denied(decision);
        }

        var partition = KeyEncoder.Encode(request.TeamId);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var existing = await GetLinkEntityAsync(partition, cancellationToken);
            var before = existing is null ? null : ReadLink(existing, string.Empty);
            if (before is not null && before.CountryIso3 != request.CountryIso3)
            {
                return new TeamLinkResult.LinkedToOtherCountry(before);
            }

            if (before is not null && before.ChannelId == request.ChannelId && before.ConversationReference == request.ConversationReference)
            {
                return new TeamLinkResult.Unchanged(before);
            }

            var now = clock.GetUtcNow();
            var after = new TeamLink(request.TeamId, request.ChannelId, request.CountryIso3, request.ConversationReference, actor.AadObjectId, actor.DisplayName, now);
            var linkEntity = new TableEntity(partition, LinkKey);
            WriteLink(linkEntity, string.Empty, after);
            TableTransactionAction write = existing is null
                ? new(TableTransactionActionType.Add, linkEntity)
                : new(TableTransactionActionType.UpdateReplace, linkEntity, existing.ETag);
            var action = before is null ? TeamLinkAuditAction.Linked : TeamLinkAuditAction.Updated;
            if (await TrySubmitAsync(write, Audit(partition, now, actor, action, request.TeamId, before, after), cancellationToken))
            {
                return before is null ? new TeamLinkResult.Linked(after) : new TeamLinkResult.Updated(before, after);
            }
        }

        throw new InvalidOperationException($"The link of team {request.TeamId} changed during each of {MaxAttempts} attempts. Try again.");
    }

    public async Task<TeamLinkResult> UnlinkAsync(string teamId, Principal actor, CancellationToken cancellationToken)
    {
        if (!TeamLinkRules.IsValidId(teamId))
        {
            return new TeamLinkResult.Invalid(TeamLinkProblem.InvalidTeamId);
        }

        var partition = KeyEncoder.Encode(teamId);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var existing = await GetLinkEntityAsync(partition, cancellationToken);
            if (existing is null)
            {
                return new TeamLinkResult.NotLinked(teamId);
            }

            var before = ReadLink(existing, string.Empty)!;
            var decision = Authorizer.Decide(actor, BotAction.UnlinkTeam, AccessTarget.ForCountry(before.CountryIso3));
            if (!decision.IsAllowed)
            {
                return new TeamLinkResult.Denied(decision);
            }

            var delete = new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, LinkKey), existing.ETag);
            var audit = Audit(partition, clock.GetUtcNow(), actor, TeamLinkAuditAction.Unlinked, teamId, before, null);
            if (await TrySubmitAsync(delete, audit, cancellationToken))
            {
                return new TeamLinkResult.Unlinked(before);
            }
        }

        throw new InvalidOperationException($"The link of team {teamId} changed during each of {MaxAttempts} attempts. Try again.");
    }

    public async Task<TeamLink?> FindAsync(string teamId, CancellationToken cancellationToken)
    {
        if (!TeamLinkRules.IsValidId(teamId))
        {
            return null;
        }

        var entity = await GetLinkEntityAsync(KeyEncoder.Encode(teamId), cancellationToken);
        return entity is null ? null : ReadLink(entity, string.Empty);
    }

    public async Task<IReadOnlyList<TeamLink>> ListByCountryAsync(string countryIso3, CancellationToken cancellationToken)
    {
        var links = new List<TeamLink>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {LinkKey} and CountryIso3 eq {countryIso3}");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            links.Add(ReadLink(entity, string.Empty)!);
        }

        return links.OrderBy(link => link.TeamId, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<TeamLinkAuditEntry>> GetAuditAsync(string teamId, CancellationToken cancellationToken)
    {
        if (!TeamLinkRules.IsValidId(teamId))
        {
            return [];
        }

        var partition = KeyEncoder.Encode(teamId);
        var upper = AuditPrefix[..^1] + (char)(AuditPrefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {AuditPrefix} and RowKey lt {upper}");
        var entries = new List<TeamLinkAuditEntry>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            Enum.TryParse<TeamLinkAuditAction>(entity.GetString("Action"), out var action);
            entries.Add(new TeamLinkAuditEntry(
                entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                entity.GetString("ActorId") ?? string.Empty,
                entity.GetString("ActorName") ?? string.Empty,
                action,
                entity.GetString("TeamId") ?? teamId,
                ReadLink(entity, "Before"),
                ReadLink(entity, "After")));
        }

        return entries;
    }

    private async Task<bool> TrySubmitAsync(TableTransactionAction write, TableTransactionAction audit, CancellationToken cancellationToken)
    {
        try
        {
            await Table.SubmitTransactionAsync([write, audit], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException exception) when (IsConcurrencyFailure(exception))
        {
            // Another request linked or unlinked the team since it was read: read it again.
            return false;
        }
    }

    private static TableTransactionAction Audit(
        string partition, DateTimeOffset at, Principal actor, TeamLinkAuditAction action, string teamId, TeamLink? before, TeamLink? after)
    {
        var key = AuditPrefix + at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
        var entity = new TableEntity(partition, key)
        {
            ["At"] = at,
            ["ActorId"] = actor.AadObjectId,
            ["ActorName"] = actor.DisplayName,
            ["Action"] = action.ToString(),
            ["TeamId"] = teamId,
        };
        WriteLink(entity, "Before", before);
        WriteLink(entity, "After", after);
        return new TableTransactionAction(TableTransactionActionType.Add, entity);
    }

    private async Task<TableEntity?> GetLinkEntityAsync(string partition, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(partition, LinkKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static void WriteLink(TableEntity entity, string prefix, TeamLink? link)
    {
        if (link is null)
        {
            return;
        }

        entity[prefix + "TeamId"] = link.TeamId;
        entity[prefix + "ChannelId"] = link.ChannelId;
        entity[prefix + "CountryIso3"] = link.CountryIso3;
        entity[prefix + "ConversationReference"] = link.ConversationReference;
        entity[prefix + "LinkedById"] = link.LinkedById;
        entity[prefix + "LinkedByName"] = link.LinkedByName;
        entity[prefix + "LinkedAt"] = link.LinkedAt;
    }

    /// <summary>Reads a link or a copy of one. No CountryIso3 column means there was none.</summary>
    private static TeamLink? ReadLink(TableEntity entity, string prefix)
    {
        var country = entity.GetString(prefix + "CountryIso3");
        if (country is null)
        {
            return null;
        }

        return new TeamLink(
            entity.GetString(prefix + "TeamId") ?? string.Empty,
            entity.GetString(prefix + "ChannelId"),
            country,
            entity.GetString(prefix + "ConversationReference") ?? string.Empty,
            entity.GetString(prefix + "LinkedById") ?? string.Empty,
            entity.GetString(prefix + "LinkedByName") ?? string.Empty,
            entity.GetDateTimeOffset(prefix + "LinkedAt") ?? DateTimeOffset.MinValue);
    }

    private static bool IsConcurrencyFailure(RequestFailedException exception) =>
        exception.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed
        || (exception.Status == (int)HttpStatusCode.NotFound && exception.ErrorCode != "TableNotFound");
}
