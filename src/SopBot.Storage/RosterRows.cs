using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SopBot.Domain.Roster;

namespace SopBot.Storage;

/// <summary>
/// The current state of the roster: which generation of member rows is current, and the
/// version that every change raises by one. Stored as the "pointer" row.
/// </summary>
internal sealed record RosterPointer(
    string Generation,
    long Version,
    string? PreviousGeneration,
    string? LastImportId,
    DateTimeOffset? LastImportAt,
    string? AuditPendingImportId,
    ETag ETag);

/// <summary>
/// Keys and columns of the rows in the roster table. Everything lives in the partition
/// "roster", so that a single edit writes the member, its audit row and the pointer in one
/// transaction.
/// <list type="bullet">
/// <item>"pointer": Generation, Version, PreviousGeneration, LastImportId, LastImportAt, AuditPendingImportId, UpdatedAt, UpdatedById.</item>
/// <item>"member-{generation}-{encoded id}": AadObjectId, DisplayName, CountryIso3, Roles (codes joined by |), and one
/// boolean per role (UnctMember, Secretariat, RegionalDirector, Administrator) for server-side filters.</item>
/// <item>"audit-{inverted ticks}-{suffix}": At, ActorId, ActorName, Action, MemberId, RosterVersion, ImportId, and
/// Before… and After… copies of DisplayName, CountryIso3, Roles. Inverted ticks sort the newest first.</item>
/// </list>
/// </summary>
internal static class RosterRows
{
    public const string Partition = "roster";
    public const string PointerKey = "pointer";
    public const string MemberPrefix = "member-";
    public const string AuditPrefix = "audit-";

    /// <summary>The most operations Azure Table storage accepts in one transaction.</summary>
    public const int MaxTransactionActions = 100;

    private static readonly (Role Role, string Column)[] RoleColumns =
    [
        (Role.UnctMember, "UnctMember"),
        (Role.Secretariat, "Secretariat"),
        (Role.RegionalDirector, "RegionalDirector"),
        (Role.Administrator, "Administrator"),
    ];

    public static string NewGeneration() => Guid.NewGuid().ToString("N");

    public static string GenerationPrefix(string generation) => MemberPrefix + generation + "-";

    public static string MemberKey(string generation, string aadObjectId) => GenerationPrefix(generation) + KeyEncoder.Encode(aadObjectId);

    /// <summary>The smallest string above every key that starts with the prefix: its last character incremented.</summary>
    public static string UpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    public static string AuditKey(DateTimeOffset at, string suffix) =>
        AuditPrefix + (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + suffix;

    /// <summary>The filter of a query for one row kind, starting after <paramref name="after"/> when given.</summary>
    public static string RangeFilter(string prefix, string? after) =>
        after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {UpperBound(prefix)}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {after} and RowKey lt {UpperBound(prefix)}");

    /// <summary>A filter that keeps members with any of the roles.</summary>
    public static string RoleFilter(Role roles) =>
        "(" + string.Join(" or ", RoleColumns.Where(entry => (roles & entry.Role) != Role.None).Select(entry => entry.Column + " eq true")) + ")";

    public static RosterPointer ReadPointer(TableEntity entity) =>
        new(
            entity.GetString("Generation") ?? string.Empty,
            entity.GetInt64("Version") ?? 0,
            entity.GetString("PreviousGeneration"),
            entity.GetString("LastImportId"),
            entity.GetDateTimeOffset("LastImportAt"),
            entity.GetString("AuditPendingImportId"),
            entity.ETag);

    public static TableEntity PointerEntity(RosterPointer pointer, string updatedById, DateTimeOffset updatedAt) =>
        new(Partition, PointerKey)
        {
            ["Generation"] = pointer.Generation,
            ["Version"] = pointer.Version,
            ["PreviousGeneration"] = pointer.PreviousGeneration,
            ["LastImportId"] = pointer.LastImportId,
            ["LastImportAt"] = pointer.LastImportAt,
            ["AuditPendingImportId"] = pointer.AuditPendingImportId,
            ["UpdatedAt"] = updatedAt,
            ["UpdatedById"] = updatedById,
        };

    public static TableEntity MemberEntity(string generation, RosterMember member)
    {
        var entity = new TableEntity(Partition, MemberKey(generation, member.AadObjectId))
        {
            ["AadObjectId"] = member.AadObjectId,
            ["DisplayName"] = member.DisplayName,
            ["CountryIso3"] = member.CountryIso3,
            ["Roles"] = member.Roles.ToCodes(),
        };
        foreach (var (role, column) in RoleColumns)
        {
            entity[column] = member.Has(role);
        }

        return entity;
    }

    public static RosterMember ReadMember(TableEntity entity) =>
        new(
            entity.GetString("AadObjectId") ?? string.Empty,
            entity.GetString("DisplayName") ?? string.Empty,
            entity.GetString("CountryIso3"),
            Roles.FromCodes(entity.GetString("Roles")));

    public static TableEntity AuditEntity(string rowKey, RosterAuditEntry entry)
    {
        var entity = new TableEntity(Partition, rowKey)
        {
            ["At"] = entry.At,
            ["ActorId"] = entry.ActorId,
            ["ActorName"] = entry.ActorName,
            ["Action"] = entry.Action.ToString(),
            ["MemberId"] = entry.MemberId,
            ["RosterVersion"] = entry.RosterVersion,
            ["ImportId"] = entry.ImportId,
        };
        WriteMember(entity, "Before", entry.Before);
        WriteMember(entity, "After", entry.After);
        return entity;
    }

    public static RosterAuditEntry ReadAudit(TableEntity entity)
    {
        Enum.TryParse<RosterAuditAction>(entity.GetString("Action"), out var action);
        var memberId = entity.GetString("MemberId") ?? string.Empty;
        return new RosterAuditEntry(
            entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
            entity.GetString("ActorId") ?? string.Empty,
            entity.GetString("ActorName") ?? string.Empty,
            action,
            memberId,
            ReadMember(entity, "Before", memberId),
            ReadMember(entity, "After", memberId),
            entity.GetInt64("RosterVersion") ?? 0,
            entity.GetString("ImportId"));
    }

    /// <summary>
    /// True when a continuation token can only be one this store returned: key characters only
    /// (letters, digits, '-', '_', '~'), so a forged token cannot widen a query.
    /// </summary>
    public static bool IsKeyText(string text) =>
        text.Length is > 0 and <= KeyEncoder.MaxKeyLength
        && text.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '~');

    private static void WriteMember(TableEntity entity, string prefix, RosterMember? member)
    {
        if (member is null)
        {
            return;
        }

        entity[prefix + "DisplayName"] = member.DisplayName;
        entity[prefix + "CountryIso3"] = member.CountryIso3;
        entity[prefix + "Roles"] = member.Roles.ToCodes();
    }

    /// <summary>Reads a member copy. A member has at least one role, so no Roles column means there was none.</summary>
    private static RosterMember? ReadMember(TableEntity entity, string prefix, string memberId)
    {
        var roles = entity.GetString(prefix + "Roles");
        if (roles is null)
        {
            return null;
        }

        return new RosterMember(memberId, entity.GetString(prefix + "DisplayName") ?? string.Empty, entity.GetString(prefix + "CountryIso3"), Roles.FromCodes(roles));
    }
}
