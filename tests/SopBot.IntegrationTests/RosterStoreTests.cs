using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using SopBot.Domain;
using SopBot.Domain.Roster;
using SopBot.IntegrationTests.Support;
using SopBot.Storage;

namespace SopBot.IntegrationTests;

[Collection(AzuriteCollection.Name)]
public sealed class RosterStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Tenant = "tenant-1";
    private const string Header = "aadObjectId,displayName,countryIso3,role\n";

    private static readonly Authorizer Authorizer = new(new AuthorizationOptions
    {
        AllowedTenantIds = [Tenant],
        BootstrapAdministratorIds = ["aad-admin"],
    });

    private static readonly RosterMember Ana = new("aad-ana", "Ana Souza", "BRA", Role.UnctMember);
    private static readonly RosterMember Luis = new("aad-luis", "Luis Pérez", "BRA", Role.UnctMember);
    private static readonly RosterMember Secretariat = new("aad-sec", "Regional Secretariat", null, Role.Secretariat);
    private static readonly RosterMember Director = new("aad-rd", "Regional Director", null, Role.RegionalDirector);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero));
    private SopBotTables _tables = null!;
    private TableRosterStore _store = null!;

    public async Task InitializeAsync()
    {
        _tables = new SopBotTables(azurite.TableService(), new StorageOptions { TablePrefix = AzuriteFixture.NewTablePrefix() });
        await _tables.CreateIfNotExistsAsync(default);
        _store = new TableRosterStore(_tables, _clock);
        await _store.UpsertAsync([Ana, Luis, Secretariat, Director], default);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Principal Admin => Authorizer.Identify(new Caller("aad-admin", "Bootstrap Admin", Tenant), null);

    private static Principal SecretariatActor => Authorizer.Identify(new Caller(Secretariat.AadObjectId, Secretariat.DisplayName, Tenant), Secretariat);

    [Fact]
    public async Task Upsert_ThenFind_ReturnsMembers()
    {
        Assert.Equal(Ana, await _store.FindAsync("aad-ana", default));
        Assert.Null(await _store.FindAsync("aad-nobody", default));
        Assert.Null(await _store.FindAsync("not a valid id/", default));
        var snapshot = await _store.GetSnapshotAsync(default);
        Assert.Equal(4, snapshot.Members.Count);
        Assert.Equal(1, snapshot.Version);
    }

    [Fact]
    public async Task Upsert_SameMembersAgain_WritesNothing()
    {
        var before = await _store.ListAuditAsync(100, null, default);

        await _store.UpsertAsync([Ana, Luis], default);

        Assert.Equal(1, (await _store.GetSnapshotAsync(default)).Version);
        Assert.Equal(before.Entries.Count, (await _store.ListAuditAsync(100, null, default)).Entries.Count);
    }

    [Fact]
    public async Task Upsert_IsAuditedAsRosterFile()
    {
        var audit = await _store.ListAuditAsync(100, null, default);

        Assert.Equal(4, audit.Entries.Count);
        Assert.All(audit.Entries, entry => Assert.Equal(TableRosterStore.StartupActorId, entry.ActorId));
        Assert.All(audit.Entries, entry => Assert.Equal(RosterAuditAction.Added, entry.Action));
        Assert.All(audit.Entries, entry => Assert.Equal(1, entry.RosterVersion));
    }

    [Fact]
    public async Task Find_UpperCaseGuid_FindsMember()
    {
        var guid = new RosterMember("7410e076-5dc9-42d4-8c2a-359153fd3d3b", "Guid", "BRA", Role.UnctMember);
        await _store.UpsertAsync([guid], default);

        Assert.Equal(guid, await _store.FindAsync("7410E076-5DC9-42D4-8C2A-359153FD3D3B", default));
    }

    [Fact]
    public async Task PreviewThenApply_AddsAndChangesMembers()
    {
        var csv = Header + "aad-ana,Ana Souza,BRA,unctMember\naad-luis,Luis Pérez Gómez,BRA,unctMember\naad-carla,Carla Gómez,ARG,unctMember\n";

        var preview = await PreviewAsync(csv, SecretariatActor);

        Assert.Equal(1, preview.AddedCount);
        Assert.Equal(1, preview.ChangedCount);
        Assert.Equal(1, preview.UnchangedCount);
        Assert.Equal(0, preview.RejectedCount);
        Assert.True(preview.CanApply);
        var stored = await _store.GetImportAsync(preview.ImportId, SecretariatActor, default);
        Assert.NotNull(stored);
        Assert.Equal(preview.Rows, stored.Rows);
        Assert.Equal(RosterImportStatus.Pending, stored.Status);

        var result = await _store.ApplyImportAsync(preview.ImportId, SecretariatActor, default);

        var applied = Assert.IsType<ApplyImportResult.Applied>(result);
        Assert.Equal(1, applied.AddedCount);
        Assert.Equal(1, applied.ChangedCount);
        Assert.Equal(2, applied.RosterVersion);
        Assert.Equal("Luis Pérez Gómez", (await _store.FindAsync("aad-luis", default))?.DisplayName);
        Assert.Equal("ARG", (await _store.FindAsync("aad-carla", default))?.CountryIso3);
        Assert.Equal(Ana, await _store.FindAsync("aad-ana", default));
        Assert.Equal(5, (await _store.GetSnapshotAsync(default)).Members.Count);
        Assert.Equal(RosterImportStatus.Applied, (await _store.GetImportAsync(preview.ImportId, SecretariatActor, default))?.Status);
    }

    [Fact]
    public async Task Apply_WritesAuditRowPerChange()
    {
        var preview = await PreviewAsync(Header + "aad-luis,Luis P.,BRA,unctMember\naad-carla,Carla,ARG,unctMember\n", SecretariatActor);
        _clock.Advance(TimeSpan.FromMinutes(1));

        await _store.ApplyImportAsync(preview.ImportId, SecretariatActor, default);

        var entries = (await _store.ListAuditAsync(100, null, default)).Entries.Where(entry => entry.ImportId == preview.ImportId).ToList();
        Assert.Equal(2, entries.Count);
        var change = Assert.Single(entries, entry => entry.MemberId == "aad-luis");
        Assert.Equal(RosterAuditAction.Changed, change.Action);
        Assert.Equal(Luis, change.Before);
        Assert.Equal("Luis P.", change.After?.DisplayName);
        Assert.Equal("aad-sec", change.ActorId);
        Assert.Equal("Regional Secretariat", change.ActorName);
        Assert.Equal(_clock.GetUtcNow(), change.At);
        Assert.Equal(2, change.RosterVersion);
        var add = Assert.Single(entries, entry => entry.MemberId == "aad-carla");
        Assert.Equal(RosterAuditAction.Added, add.Action);
        Assert.Null(add.Before);
    }

    [Fact]
    public async Task Import_WithRejectedRow_WritesNothing()
    {
        var before = await _store.GetSnapshotAsync(default);
        var auditBefore = (await _store.ListAuditAsync(100, null, default)).Entries.Count;
        var preview = await PreviewAsync(Header + "aad-carla,Carla,ARG,unctMember\naad-bad,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",BRA,unctMember\n", SecretariatActor);

        var result = await _store.ApplyImportAsync(preview.ImportId, SecretariatActor, default);

        Assert.Equal(1, preview.RejectedCount);
        Assert.Equal(RosterProblem.FormulaCell, preview.Rows.Single(row => row.Kind == RosterImportRowKind.Rejected).Problem);
        Assert.Equal(preview.Rows, (await _store.GetImportAsync(preview.ImportId, SecretariatActor, default))?.Rows);
        Assert.Equal(ApplyImportProblem.HasRejectedRows, Assert.IsType<ApplyImportResult.NotApplied>(result).Problem);
        Assert.Null(await _store.FindAsync("aad-carla", default));
        Assert.Equal(before, await _store.GetSnapshotAsync(default), new SnapshotComparer());
        Assert.Equal(auditBefore, (await _store.ListAuditAsync(100, null, default)).Entries.Count);
    }

    [Fact]
    public async Task Import_SecretariatGrantingSecretariat_IsRejectedRow()
    {
        var preview = await PreviewAsync(Header + "aad-ana,Ana Souza,BRA,unctMember|secretariat\n", SecretariatActor);

        var row = Assert.Single(preview.Rows);
        Assert.Equal(RosterImportRowKind.Rejected, row.Kind);
        Assert.Equal(RosterProblem.NotAuthorized, row.Problem);
        Assert.IsType<ApplyImportResult.NotApplied>(await _store.ApplyImportAsync(preview.ImportId, SecretariatActor, default));
        Assert.Equal(Ana, await _store.FindAsync("aad-ana", default));
    }

    [Fact]
    public async Task StalePreview_AfterSingleEdit_IsRejected()
    {
        var preview = await PreviewAsync(Header + "aad-carla,Carla,ARG,unctMember\n", SecretariatActor);
        var edit = await _store.ChangeMemberAsync(Luis with { DisplayName = "Luis (edited)" }, Admin, default);

        var result = await _store.ApplyImportAsync(preview.ImportId, SecretariatActor, default);

        Assert.IsType<RosterEditResult.Saved>(edit);
        Assert.Equal(ApplyImportProblem.RosterChanged, Assert.IsType<ApplyImportResult.NotApplied>(result).Problem);
        Assert.Null(await _store.FindAsync("aad-carla", default));
        Assert.Equal("Luis (edited)", (await _store.FindAsync("aad-luis", default))?.DisplayName);
    }

    [Fact]
    public async Task Apply_ByOtherActor_IsRejected()
    {
        var preview = await PreviewAsync(Header + "aad-carla,Carla,ARG,unctMember\n", SecretariatActor);

        var result = await _store.ApplyImportAsync(preview.ImportId, Admin, default);

        Assert.Equal(ApplyImportProblem.OtherActor, Assert.IsType<ApplyImportResult.NotApplied>(result).Problem);
        Assert.Null(await _store.GetImportAsync(preview.ImportId, Admin, default));
        Assert.Null(await _store.FindAsync("aad-carla", default));
    }

    [Theory]
    [InlineData("")]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("not-an-import-id' or PartitionKey ne '")]
    public async Task Apply_UnknownImportId_IsNotFound(string importId)
    {
        var result = await _store.ApplyImportAsync(importId, Admin, default);

        Assert.Equal(ApplyImportProblem.NotFound, Assert.IsType<ApplyImportResult.NotApplied>(result).Problem);
    }

    [Fact]
    public async Task Apply_AfterLifetime_IsExpired()
    {
        var preview = await PreviewAsync(Header + "aad-carla,Carla,ARG,unctMember\n", SecretariatActor);
        _clock.Advance(RosterImportPreview.Lifetime + TimeSpan.FromMinutes(1));

        var result = await _store.ApplyImportAsync(preview.ImportId, SecretariatActor, default);

        Assert.Equal(ApplyImportProblem.Expired, Assert.IsType<ApplyImportResult.NotApplied>(result).Problem);
    }

    [Fact]
    public async Task Apply_OnlyUnchangedRows_IsNothingToApply()
    {
        var preview = await PreviewAsync(Header + "aad-ana,Ana Souza,BRA,unctMember\n", SecretariatActor);

        var result = await _store.ApplyImportAsync(preview.ImportId, SecretariatActor, default);

        Assert.Equal(ApplyImportProblem.NothingToApply, Assert.IsType<ApplyImportResult.NotApplied>(result).Problem);
    }

    [Fact]
    public async Task Apply_Twice_IsAlreadyApplied()
    {
        var preview = await PreviewAsync(Header + "aad-carla,Carla,ARG,unctMember\n", SecretariatActor);
        await _store.ApplyImportAsync(preview.ImportId, SecretariatActor, default);

        var again = await _store.ApplyImportAsync(preview.ImportId, SecretariatActor, default);

        Assert.Equal(ApplyImportProblem.AlreadyApplied, Assert.IsType<ApplyImportResult.NotApplied>(again).Problem);
        Assert.Equal(2, (await _store.GetSnapshotAsync(default)).Version);
    }

    [Fact]
    public async Task Preview_ByRegionalDirector_IsDenied()
    {
        var director = Authorizer.Identify(new Caller(Director.AadObjectId, Director.DisplayName, Tenant), Director);

        var result = await _store.PreviewImportAsync(RosterCsv.Parse(Encoding.UTF8.GetBytes(Header + "aad-carla,Carla,ARG,unctMember\n")), director, default);

        Assert.Equal(AccessReason.InsufficientRole, Assert.IsType<PreviewImportResult.Denied>(result).Decision.Reason);
    }

    [Fact]
    public async Task CrashDuringApply_LeavesOldRosterIntact()
    {
        var seeded = Enumerable.Range(0, 250).Select(i => new RosterMember($"aad-m{i:D3}", $"Member {i}", "COL", Role.UnctMember)).ToList();
        await _store.UpsertAsync(seeded, default);
        var before = await _store.GetSnapshotAsync(default);
        var auditBefore = await CountAuditAsync();
        var csv = new StringBuilder(Header);
        foreach (var member in seeded)
        {
            csv.Append($"{member.AadObjectId},{member.DisplayName} (renamed),COL,unctMember\n");
        }

        csv.Append("aad-carla,Carla,ARG,unctMember\n");
        var preview = await PreviewAsync(csv.ToString(), SecretariatActor);
        _store.AfterGenerationChunkWritten = chunks => chunks == 2 ? throw new SimulatedCrashException() : Task.CompletedTask;

        await Assert.ThrowsAsync<SimulatedCrashException>(() => _store.ApplyImportAsync(preview.ImportId, SecretariatActor, default));

        Assert.Equal(before, await _store.GetSnapshotAsync(default), new SnapshotComparer());
        Assert.Equal("Member 7", (await _store.FindAsync("aad-m007", default))?.DisplayName);
        Assert.Null(await _store.FindAsync("aad-carla", default));
        Assert.Equal(auditBefore, await CountAuditAsync());
        Assert.Equal(RosterImportStatus.Pending, (await _store.GetImportAsync(preview.ImportId, SecretariatActor, default))?.Status);

        _store.AfterGenerationChunkWritten = null;
        var retry = await _store.ApplyImportAsync(preview.ImportId, SecretariatActor, default);

        Assert.IsType<ApplyImportResult.Applied>(retry);
        Assert.Equal("Member 7 (renamed)", (await _store.FindAsync("aad-m007", default))?.DisplayName);
        Assert.Equal(before.Members.Count + 1, (await _store.GetSnapshotAsync(default)).Members.Count);
        Assert.Equal(auditBefore + 251, await CountAuditAsync());
    }

    [Fact]
    public async Task CrashAfterSwitch_NextEditWritesImportAudit()
    {
        var preview = await PreviewAsync(Header + "aad-carla,Carla,ARG,unctMember\naad-luis,Luis P.,BRA,unctMember\n", SecretariatActor);
        _store.AfterPointerSwitched = () => throw new SimulatedCrashException();

        await Assert.ThrowsAsync<SimulatedCrashException>(() => _store.ApplyImportAsync(preview.ImportId, SecretariatActor, default));

        Assert.Equal("ARG", (await _store.FindAsync("aad-carla", default))?.CountryIso3);
        Assert.DoesNotContain((await _store.ListAuditAsync(100, null, default)).Entries, entry => entry.ImportId == preview.ImportId);

        _store.AfterPointerSwitched = null;
        _clock.Advance(TimeSpan.FromSeconds(1));
        var edit = await _store.ChangeMemberAsync(Ana with { DisplayName = "Ana S." }, Admin, default);

        Assert.Equal(3, Assert.IsType<RosterEditResult.Saved>(edit).RosterVersion);
        var audit = (await _store.ListAuditAsync(100, null, default)).Entries;
        Assert.Equal(2, audit.Count(entry => entry.ImportId == preview.ImportId));
        Assert.Equal("aad-ana", audit[0].MemberId);
        Assert.Equal(RosterImportStatus.Applied, (await _store.GetImportAsync(preview.ImportId, SecretariatActor, default))?.Status);
        var again = await _store.ApplyImportAsync(preview.ImportId, SecretariatActor, default);
        Assert.Equal(ApplyImportProblem.AlreadyApplied, Assert.IsType<ApplyImportResult.NotApplied>(again).Problem);
    }

    [Fact]
    public async Task ConcurrentApplies_OfOneImport_TakeEffectOnce()
    {
        for (var round = 0; round < 5; round++)
        {
            var preview = await PreviewAsync(Header + $"aad-round{round},Round {round},ARG,unctMember\naad-luis,Luis {round},BRA,unctMember\n", SecretariatActor);
            var versionBefore = (await _store.GetSnapshotAsync(default)).Version;
            var otherInstance = new TableRosterStore(_tables, _clock);
            var start = new TaskCompletionSource();
            var first = Task.Run(async () =>
            {
                await start.Task;
                return await _store.ApplyImportAsync(preview.ImportId, SecretariatActor, default);
            });
            var second = Task.Run(async () =>
            {
                await start.Task;
                return await otherInstance.ApplyImportAsync(preview.ImportId, SecretariatActor, default);
            });

            start.SetResult();
            var results = await Task.WhenAll(first, second);

            Assert.Single(results.OfType<ApplyImportResult.Applied>());
            Assert.Equal(ApplyImportProblem.AlreadyApplied, Assert.Single(results.OfType<ApplyImportResult.NotApplied>()).Problem);
            Assert.Equal(versionBefore + 1, (await _store.GetSnapshotAsync(default)).Version);
            Assert.Equal(2, (await _store.ListAuditAsync(1000, null, default)).Entries.Count(entry => entry.ImportId == preview.ImportId));
            Assert.Equal($"Luis {round}", (await _store.FindAsync("aad-luis", default))?.DisplayName);
        }

        await AssertOnlyTwoGenerationsAsync();
    }

    [Fact]
    public async Task ConcurrentEdits_OfDifferentMembers_AllTakeEffect()
    {
        var edits = Enumerable.Range(0, 6)
            .Select(i => Task.Run(() => _store.AddMemberAsync(new RosterMember($"aad-new{i}", $"New {i}", "CHL", Role.UnctMember), Admin, default)))
            .ToList();

        var results = await Task.WhenAll(edits);

        Assert.All(results, result => Assert.IsType<RosterEditResult.Saved>(result));
        Assert.Equal(
            Enumerable.Range(2, 6).Select(version => (long)version),
            results.Cast<RosterEditResult.Saved>().Select(saved => saved.RosterVersion).Order());
        Assert.Equal(7, (await _store.GetSnapshotAsync(default)).Version);
    }

    [Fact]
    public async Task SingleEdits_AreAuditedNewestFirst()
    {
        var carla = new RosterMember("aad-carla", "Carla", "ARG", Role.UnctMember);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var added = await _store.AddMemberAsync(carla, Admin, default);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var changed = await _store.ChangeMemberAsync(carla with { CountryIso3 = "CHL" }, Admin, default);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var removed = await _store.RemoveMemberAsync("aad-carla", Admin, default);

        Assert.Equal(2, Assert.IsType<RosterEditResult.Saved>(added).RosterVersion);
        Assert.Equal(3, Assert.IsType<RosterEditResult.Saved>(changed).RosterVersion);
        Assert.Equal(4, Assert.IsType<RosterEditResult.Saved>(removed).RosterVersion);
        Assert.Null(await _store.FindAsync("aad-carla", default));
        var audit = (await _store.ListAuditAsync(3, null, default)).Entries;
        Assert.Equal([RosterAuditAction.Removed, RosterAuditAction.Changed, RosterAuditAction.Added], audit.Select(entry => entry.Action));
        Assert.Equal("CHL", audit[0].Before?.CountryIso3);
        Assert.Null(audit[0].After);
        Assert.Equal("ARG", audit[1].Before?.CountryIso3);
        Assert.Equal("CHL", audit[1].After?.CountryIso3);
        Assert.Null(audit[2].Before);
        Assert.All(audit, entry => Assert.Equal("aad-admin", entry.ActorId));
        Assert.All(audit, entry => Assert.Null(entry.ImportId));
        Assert.Equal([4L, 3L, 2L], audit.Select(entry => entry.RosterVersion));
    }

    [Fact]
    public async Task Edits_OutcomesWithoutWrite_LeaveVersion()
    {
        Assert.IsType<RosterEditResult.AlreadyExists>(await _store.AddMemberAsync(Ana, Admin, default));
        Assert.IsType<RosterEditResult.Unchanged>(await _store.ChangeMemberAsync(Ana, Admin, default));
        Assert.IsType<RosterEditResult.NotFound>(await _store.ChangeMemberAsync(Ana with { AadObjectId = "aad-ghost" }, Admin, default));
        Assert.IsType<RosterEditResult.NotFound>(await _store.RemoveMemberAsync("aad-ghost", Admin, default));
        var invalid = Assert.IsType<RosterEditResult.Invalid>(await _store.AddMemberAsync(new RosterMember("aad-x", "X", null, Role.UnctMember), Admin, default));
        Assert.Equal(RosterProblem.MissingCountry, invalid.Error.Problem);

        Assert.Equal(1, (await _store.GetSnapshotAsync(default)).Version);
    }

    [Fact]
    public async Task Edits_DeniedByAuthorizer_WriteNothing()
    {
        var director = Authorizer.Identify(new Caller(Director.AadObjectId, Director.DisplayName, Tenant), Director);
        var foreignAdmin = Authorizer.Identify(new Caller("aad-admin", "Admin", "other-tenant"), null);
        var unct = Authorizer.Identify(new Caller(Ana.AadObjectId, Ana.DisplayName, Tenant), Ana);

        var grant = await _store.GrantRoleAsync("aad-ana", Role.Secretariat, SecretariatActor, default);
        var renameSecretariat = await _store.ChangeMemberAsync(Secretariat with { DisplayName = "Renamed" }, SecretariatActor, default);
        var directorAdd = await _store.AddMemberAsync(new RosterMember("aad-x", "X", "BRA", Role.UnctMember), director, default);
        var foreignRemove = await _store.RemoveMemberAsync("aad-ana", foreignAdmin, default);
        var unctLookup = await _store.RemoveMemberAsync("aad-ghost", unct, default);

        Assert.Equal(AccessReason.AdministratorRequired, Assert.IsType<RosterEditResult.Denied>(grant).Decision.Reason);
        Assert.Equal(AccessReason.AdministratorRequired, Assert.IsType<RosterEditResult.Denied>(renameSecretariat).Decision.Reason);
        Assert.Equal(AccessReason.InsufficientRole, Assert.IsType<RosterEditResult.Denied>(directorAdd).Decision.Reason);
        Assert.Equal(AccessReason.TenantNotAllowed, Assert.IsType<RosterEditResult.Denied>(foreignRemove).Decision.Reason);
        Assert.IsType<RosterEditResult.Denied>(unctLookup);
        Assert.Equal(1, (await _store.GetSnapshotAsync(default)).Version);
        Assert.Equal(Ana, await _store.FindAsync("aad-ana", default));
    }

    [Fact]
    public async Task GrantAndRevoke_ChangeOneRole()
    {
        var granted = await _store.GrantRoleAsync("aad-ana", Role.RegionalDirector, SecretariatActor, default);
        var grantedAgain = await _store.GrantRoleAsync("aad-ana", Role.RegionalDirector, SecretariatActor, default);
        var adminGrant = await _store.GrantRoleAsync("aad-luis", Role.Secretariat, Admin, default);
        var revoked = await _store.RevokeRoleAsync("aad-ana", Role.UnctMember, SecretariatActor, default);
        var revokeLast = await _store.RevokeRoleAsync("aad-rd", Role.RegionalDirector, SecretariatActor, default);

        Assert.Equal(Role.UnctMember | Role.RegionalDirector, Assert.IsType<RosterEditResult.Saved>(granted).After?.Roles);
        Assert.IsType<RosterEditResult.Unchanged>(grantedAgain);
        Assert.Equal(Role.UnctMember | Role.Secretariat, Assert.IsType<RosterEditResult.Saved>(adminGrant).After?.Roles);
        Assert.Equal(Role.RegionalDirector, (await _store.FindAsync("aad-ana", default))?.Roles);
        Assert.IsType<RosterEditResult.Saved>(revoked);
        Assert.Equal(RosterProblem.MissingRole, Assert.IsType<RosterEditResult.Invalid>(revokeLast).Error.Problem);
    }

    [Fact]
    public async Task List_FiltersAndPages()
    {
        var members = Enumerable.Range(0, 23)
            .Select(i => new RosterMember($"aad-p{i:D2}", $"Person {i}", i % 2 == 0 ? "PAN" : "PRY", i % 3 == 0 ? Role.UnctMember | Role.RegionalDirector : Role.UnctMember))
            .ToList();
        await _store.UpsertAsync(members, default);

        var all = await ReadAllPagesAsync(new RosterQuery(PageSize: 10));
        var panama = await ReadAllPagesAsync(new RosterQuery(CountryIso3: "PAN", PageSize: 5));
        var directors = await ReadAllPagesAsync(new RosterQuery(Role: Role.RegionalDirector, PageSize: 3));
        var panamaDirectors = await ReadAllPagesAsync(new RosterQuery(CountryIso3: "PAN", Role: Role.RegionalDirector));

        Assert.Equal(27, all.Count);
        Assert.Equal(all.OrderBy(member => member.AadObjectId, StringComparer.Ordinal).Select(member => member.AadObjectId), all.Select(member => member.AadObjectId));
        Assert.Equal(12, panama.Count);
        Assert.All(panama, member => Assert.Equal("PAN", member.CountryIso3));
        Assert.Equal(9, directors.Count);
        Assert.All(directors, member => Assert.True(member.Has(Role.RegionalDirector)));
        Assert.Equal(4, panamaDirectors.Count);
    }

    [Fact]
    public async Task List_ContinuationAfterImport_FollowsNewRoster()
    {
        var first = await _store.ListAsync(new RosterQuery(PageSize: 2), default);
        var preview = await PreviewAsync(Header + "aad-zz,Last,BRA,unctMember\n", SecretariatActor);
        await _store.ApplyImportAsync(preview.ImportId, SecretariatActor, default);

        var second = await _store.ListAsync(new RosterQuery(PageSize: 10, ContinuationToken: first.ContinuationToken), default);

        Assert.Equal(["aad-ana", "aad-luis"], first.Members.Select(member => member.AadObjectId));
        Assert.Equal(["aad-rd", "aad-sec", "aad-zz"], second.Members.Select(member => member.AadObjectId));
        Assert.Null(second.ContinuationToken);
        Assert.Equal(2, second.RosterVersion);
    }

    [Theory]
    [InlineData("' or RowKey ne '")]
    [InlineData("a b")]
    public async Task List_ForgedToken_Throws(string token)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.ListAsync(new RosterQuery(ContinuationToken: token), default));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.ListAuditAsync(10, token, default));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task List_PageSizeOutOfRange_Throws(int pageSize)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.ListAsync(new RosterQuery(PageSize: pageSize), default));
    }

    [Fact]
    public async Task Audit_PagesNewestFirst()
    {
        var firstPage = await _store.ListAuditAsync(3, null, default);
        var secondPage = await _store.ListAuditAsync(3, firstPage.ContinuationToken, default);

        Assert.Equal(3, firstPage.Entries.Count);
        Assert.NotNull(firstPage.ContinuationToken);
        Assert.Single(secondPage.Entries);
        Assert.Null(secondPage.ContinuationToken);
    }

    [Fact]
    public async Task Import_FiveThousandRows_SpansSeveralEntities()
    {
        var csv = new StringBuilder(Header);
        for (var i = 0; i < RosterCsv.MaxDataRows; i++)
        {
            csv.Append($"{new Guid(i, 7, 7, new byte[8])},\"Member {i}, {new string('x', 100)}\",COL,unctMember|regionalDirector\n");
        }

        Assert.True(Encoding.UTF8.GetByteCount(csv.ToString()) <= RosterCsv.MaxBytes);

        var preview = await PreviewAsync(csv.ToString(), Admin);

        Assert.Equal(RosterCsv.MaxDataRows, preview.AddedCount);
        var parts = new List<TableEntity>();
        await foreach (var entity in _tables.RosterImports.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {preview.ImportId}")))
        {
            parts.Add(entity);
        }

        Assert.True(parts.Count >= 3, $"{parts.Count} entities");
        Assert.All(parts.SelectMany(StringValues), value => Assert.True(value.Length <= 32_768, $"{value.Length} characters"));
        Assert.All(parts, entity => Assert.True(StringValues(entity).Sum(value => value.Length * 2) < 1_000_000));
        var loaded = await _store.GetImportAsync(preview.ImportId, Admin, default);
        Assert.Equal(preview.Rows, loaded?.Rows);

        var result = await _store.ApplyImportAsync(preview.ImportId, Admin, default);

        Assert.IsType<ApplyImportResult.Applied>(result);
        Assert.Equal(RosterCsv.MaxDataRows + 4, (await _store.GetSnapshotAsync(default)).Members.Count);
        Assert.Equal(RosterCsv.MaxDataRows, (await ReadAllAuditAsync()).Count(entry => entry.ImportId == preview.ImportId));
    }

    [Fact]
    public async Task MemberIdsWithPunctuation_RoundTrip()
    {
        var member = new RosterMember("29:1AbC-d_e.f@x", "Channel user", "BRA", Role.UnctMember);

        await _store.AddMemberAsync(member, Admin, default);

        Assert.Equal(member, await _store.FindAsync("29:1AbC-d_e.f@x", default));
        Assert.Null(await _store.FindAsync("29:1abc-d_e.f@x", default));
    }

    private async Task<RosterImportPreview> PreviewAsync(string csv, Principal actor)
    {
        var result = await _store.PreviewImportAsync(RosterCsv.Parse(Encoding.UTF8.GetBytes(csv)), actor, default);
        return Assert.IsType<PreviewImportResult.Created>(result).Preview;
    }

    private static IEnumerable<string> StringValues(TableEntity entity) => ((IDictionary<string, object>)entity).Values.OfType<string>();

    private async Task<int> CountAuditAsync() => (await ReadAllAuditAsync()).Count;

    private async Task<List<RosterAuditEntry>> ReadAllAuditAsync()
    {
        var entries = new List<RosterAuditEntry>();
        string? token = null;
        do
        {
            var page = await _store.ListAuditAsync(RosterQuery.MaxPageSize, token, default);
            entries.AddRange(page.Entries);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return entries;
    }

    private async Task<List<RosterMember>> ReadAllPagesAsync(RosterQuery query)
    {
        var members = new List<RosterMember>();
        var page = await _store.ListAsync(query, default);
        members.AddRange(page.Members);
        while (page.ContinuationToken is not null)
        {
            Assert.Equal(query.PageSize, page.Members.Count);
            page = await _store.ListAsync(query with { ContinuationToken = page.ContinuationToken }, default);
            members.AddRange(page.Members);
        }

        return members;
    }

    /// <summary>Checks that old generations are deleted: at most the current and the previous one keep member rows.</summary>
    private async Task AssertOnlyTwoGenerationsAsync()
    {
        var generations = new HashSet<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"roster"} and RowKey ge {"member-"} and RowKey lt {"member."}");
        await foreach (var entity in _tables.Roster.QueryAsync<TableEntity>(filter, select: ["RowKey"]))
        {
            generations.Add(entity.RowKey.Split('-')[1]);
        }

        Assert.InRange(generations.Count, 1, 2);
    }

    private sealed class SimulatedCrashException() : Exception("The test stopped the import here, as a crash would.");

    private sealed class SnapshotComparer : IEqualityComparer<RosterSnapshot>
    {
        public bool Equals(RosterSnapshot? x, RosterSnapshot? y) =>
            x is not null && y is not null && x.Version == y.Version && x.Members.SequenceEqual(y.Members);

        public int GetHashCode(RosterSnapshot obj) => obj.Version.GetHashCode();
    }
}
