using Microsoft.Extensions.Time.Testing;
using SopBot.Domain;
using SopBot.Domain.Roster;
using SopBot.Domain.Teams;
using SopBot.IntegrationTests.Support;
using SopBot.Storage;

namespace SopBot.IntegrationTests;

[Collection(AzuriteCollection.Name)]
public sealed class TeamLinkStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Tenant = "tenant-1";
    private const string TeamId = "19:a1b2c3d4e5f6@thread.tacv2";
    private const string Reference = """{"conversation":{"id":"19:a1b2c3d4e5f6@thread.tacv2"},"serviceUrl":"https://smba.trafficmanager.net/amer/"}""";

    private static readonly Authorizer Authorizer = new(new AuthorizationOptions { AllowedTenantIds = [Tenant] });

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero));
    private TableTeamLinkStore _store = null!;

    public async Task InitializeAsync()
    {
        var tables = new SopBotTables(azurite.TableService(), new StorageOptions { TablePrefix = AzuriteFixture.NewTablePrefix() });
        await tables.CreateIfNotExistsAsync(default);
        _store = new TableTeamLinkStore(tables, _clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Principal Secretariat => Actor("aad-sec", null, Role.Secretariat);

    [Fact]
    public async Task Link_ThenFind_ReturnsLink()
    {
        var result = await _store.LinkAsync(new TeamLinkRequest(TeamId, "19:general@thread.tacv2", "BRA", Reference), Secretariat, default);

        var linked = Assert.IsType<TeamLinkResult.Linked>(result);
        var found = await _store.FindAsync(TeamId, default);
        Assert.Equal(linked.Link, found);
        Assert.Equal("BRA", found?.CountryIso3);
        Assert.Equal(Reference, found?.ConversationReference);
        Assert.Equal("aad-sec", found?.LinkedById);
        Assert.Equal(_clock.GetUtcNow(), found?.LinkedAt);
        var audit = Assert.Single(await _store.GetAuditAsync(TeamId, default));
        Assert.Equal(TeamLinkAuditAction.Linked, audit.Action);
        Assert.Null(audit.Before);
        Assert.Equal(linked.Link, audit.After);
    }

    [Fact]
    public async Task Link_SameCountryAgain_IsUnchanged()
    {
        var request = new TeamLinkRequest(TeamId, null, "BRA", Reference);
        await _store.LinkAsync(request, Secretariat, default);

        var again = await _store.LinkAsync(request, Secretariat, default);

        Assert.IsType<TeamLinkResult.Unchanged>(again);
        Assert.Single(await _store.GetAuditAsync(TeamId, default));
    }

    [Fact]
    public async Task Link_SameCountryOtherChannel_IsUpdated()
    {
        await _store.LinkAsync(new TeamLinkRequest(TeamId, null, "BRA", Reference), Secretariat, default);
        _clock.Advance(TimeSpan.FromMinutes(1));

        var result = await _store.LinkAsync(new TeamLinkRequest(TeamId, "19:channel@thread.tacv2", "BRA", Reference), Secretariat, default);

        var updated = Assert.IsType<TeamLinkResult.Updated>(result);
        Assert.Null(updated.Before.ChannelId);
        Assert.Equal("19:channel@thread.tacv2", (await _store.FindAsync(TeamId, default))?.ChannelId);
        var audit = await _store.GetAuditAsync(TeamId, default);
        Assert.Equal([TeamLinkAuditAction.Linked, TeamLinkAuditAction.Updated], audit.Select(entry => entry.Action));
        Assert.Equal(updated.Before, audit[1].Before);
    }

    [Fact]
    public async Task Link_OtherCountry_IsRejected()
    {
        await _store.LinkAsync(new TeamLinkRequest(TeamId, null, "BRA", Reference), Secretariat, default);

        var result = await _store.LinkAsync(new TeamLinkRequest(TeamId, null, "ARG", Reference), Secretariat, default);

        Assert.Equal("BRA", Assert.IsType<TeamLinkResult.LinkedToOtherCountry>(result).Existing.CountryIso3);
        Assert.Equal("BRA", (await _store.FindAsync(TeamId, default))?.CountryIso3);
        Assert.Single(await _store.GetAuditAsync(TeamId, default));
    }

    [Fact]
    public async Task Unlink_RemovesLinkAndAudits()
    {
        await _store.LinkAsync(new TeamLinkRequest(TeamId, null, "BRA", Reference), Secretariat, default);
        _clock.Advance(TimeSpan.FromMinutes(1));

        var result = await _store.UnlinkAsync(TeamId, Secretariat, default);
        var again = await _store.UnlinkAsync(TeamId, Secretariat, default);

        Assert.Equal("BRA", Assert.IsType<TeamLinkResult.Unlinked>(result).Before.CountryIso3);
        Assert.IsType<TeamLinkResult.NotLinked>(again);
        Assert.Null(await _store.FindAsync(TeamId, default));
        var audit = await _store.GetAuditAsync(TeamId, default);
        Assert.Equal([TeamLinkAuditAction.Linked, TeamLinkAuditAction.Unlinked], audit.Select(entry => entry.Action));
        Assert.Null(audit[1].After);
        Assert.IsType<TeamLinkResult.Linked>(await _store.LinkAsync(new TeamLinkRequest(TeamId, null, "ARG", Reference), Secretariat, default));
    }

    [Fact]
    public async Task ListByCountry_ReturnsOnlyThatCountry()
    {
        await _store.LinkAsync(new TeamLinkRequest("19:team-b@thread.tacv2", null, "BRA", Reference), Secretariat, default);
        await _store.LinkAsync(new TeamLinkRequest("19:team-a@thread.tacv2", null, "BRA", Reference), Secretariat, default);
        await _store.LinkAsync(new TeamLinkRequest("19:team-c@thread.tacv2", null, "ARG", Reference), Secretariat, default);

        var brazil = await _store.ListByCountryAsync("BRA", default);

        Assert.Equal(["19:team-a@thread.tacv2", "19:team-b@thread.tacv2"], brazil.Select(link => link.TeamId));
        Assert.Single(await _store.ListByCountryAsync("ARG", default));
        Assert.Empty(await _store.ListByCountryAsync("CHL", default));
    }

    [Fact]
    public async Task Link_WithoutManagerRole_IsDenied()
    {
        var unct = Actor("aad-ana", "BRA", Role.UnctMember);
        var director = Actor("aad-rd", null, Role.RegionalDirector);
        await _store.LinkAsync(new TeamLinkRequest(TeamId, null, "BRA", Reference), Secretariat, default);

        var link = await _store.LinkAsync(new TeamLinkRequest("19:other@thread.tacv2", null, "BRA", Reference), unct, default);
        var unlink = await _store.UnlinkAsync(TeamId, director, default);

        Assert.Equal(AccessReason.InsufficientRole, Assert.IsType<TeamLinkResult.Denied>(link).Decision.Reason);
        Assert.Equal(AccessReason.InsufficientRole, Assert.IsType<TeamLinkResult.Denied>(unlink).Decision.Reason);
        Assert.Null(await _store.FindAsync("19:other@thread.tacv2", default));
        Assert.NotNull(await _store.FindAsync(TeamId, default));
    }

    [Fact]
    public async Task Link_UnknownCountry_IsDenied()
    {
        var result = await _store.LinkAsync(new TeamLinkRequest(TeamId, null, "bra", Reference), Secretariat, default);

        Assert.Equal(AccessReason.UnknownCountry, Assert.IsType<TeamLinkResult.Denied>(result).Decision.Reason);
    }

    [Fact]
    public async Task Link_InvalidReference_IsInvalid()
    {
        var result = await _store.LinkAsync(new TeamLinkRequest(TeamId, null, "BRA", "not json"), Secretariat, default);

        Assert.Equal(TeamLinkProblem.InvalidConversationReference, Assert.IsType<TeamLinkResult.Invalid>(result).Problem);
        Assert.Null(await _store.FindAsync(TeamId, default));
    }

    [Theory]
    [InlineData("19:a/b\\c#d?e@thread.tacv2")]
    [InlineData("19:~tilde~@thread.skype")]
    public async Task TeamIdWithKeyCharacters_RoundTrips(string teamId)
    {
        await _store.LinkAsync(new TeamLinkRequest(teamId, null, "BRA", Reference), Secretariat, default);

        Assert.Equal(teamId, (await _store.FindAsync(teamId, default))?.TeamId);
        Assert.Single(await _store.GetAuditAsync(teamId, default));
    }

    [Fact]
    public async Task ConcurrentLinks_ToTwoCountries_OneWins()
    {
        for (var round = 0; round < 10; round++)
        {
            var teamId = $"19:race-{round}@thread.tacv2";
            var start = new TaskCompletionSource();
            var brazil = Task.Run(async () =>
            {
                await start.Task;
                return await _store.LinkAsync(new TeamLinkRequest(teamId, null, "BRA", Reference), Secretariat, default);
            });
            var argentina = Task.Run(async () =>
            {
                await start.Task;
                return await _store.LinkAsync(new TeamLinkRequest(teamId, null, "ARG", Reference), Secretariat, default);
            });

            start.SetResult();
            var results = await Task.WhenAll(brazil, argentina);

            var winner = Assert.Single(results.OfType<TeamLinkResult.Linked>()).Link;
            Assert.Equal(winner, Assert.Single(results.OfType<TeamLinkResult.LinkedToOtherCountry>()).Existing);
            Assert.Equal(winner.CountryIso3, (await _store.FindAsync(teamId, default))?.CountryIso3);
            Assert.Single(await _store.GetAuditAsync(teamId, default));
        }
    }

    private static Principal Actor(string id, string? country, Role roles) =>
        Authorizer.Identify(new Caller(id, id, Tenant), new RosterMember(id, id, country, roles));
}
