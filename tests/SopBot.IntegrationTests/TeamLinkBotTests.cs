using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SopBot.Domain.Roster;
using SopBot.Domain.Teams;
using SopBot.IntegrationTests.Support;
using SopBot.Storage;

namespace SopBot.IntegrationTests;

/// <summary>Linking a Teams team to a country and offering its members, over HTTP against Azurite and a fake Bot Connector.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TeamLinkBotTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string TeamId = "19:team-unct-brazil@thread.tacv2";
    private const string ChannelId = "19:channel-sop-brazil@thread.tacv2";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero));
    private readonly string _prefix = AzuriteFixture.NewTablePrefix();
    private ConnectorRecorder _connector = null!;
    private BotHost _bot = null!;
    private ActivityBuilder _secretariat = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorRecorder.StartAsync();
        _connector.Members.AddRange(
        [
            ConnectorRecorder.Member("aad-ana", "Ana Souza", "ana@example.org"),
            ConnectorRecorder.Member("aad-rita", "Rita Lima", "rita@example.org"),
            ConnectorRecorder.Member("aad-joao", "João Silva"),
        ]);
        _bot = new BotHost(azurite.ConnectionString, _prefix, _clock);
        _secretariat = new ActivityBuilder(_connector.ServiceUrl, "aad-secretariat", "Regional Secretariat").InTeam(TeamId, ChannelId);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task LinkTeam_StoresReferenceAndOffersMembers()
    {
        var card = await Send(_secretariat, "link team Brasil");

        Assert.Contains("This team is now linked to Brazil", card.AllText());
        Assert.Contains("2 members of this team are not on the roster", card.AllText());
        Assert.Equal(["aad-rita", "aad-joao"], Choices(card));
        Assert.Contains("Rita Lima (rita@example.org)", card.AllText());
        Assert.DoesNotContain("Ana Souza", card.AllText());
        Assert.Contains(_connector.MemberRequests, request => request.StartsWith($"pagedmembers {TeamId}?", StringComparison.Ordinal));

        var link = await Links().FindAsync(TeamId, default);
        Assert.Equal("BRA", link?.CountryIso3);
        Assert.Equal(ChannelId, link?.ChannelId);
        Assert.Equal("aad-secretariat", link?.LinkedById);
        var reference = JsonNode.Parse(link!.ConversationReference)!;
        Assert.Equal(ChannelId, (string?)reference["conversation"]?["id"]);
        Assert.Equal(_connector.ServiceUrl, (string?)reference["serviceUrl"]);
        Assert.Equal("28:sopbot", (string?)reference["bot"]?["id"]);
        Assert.Null(reference["activityId"]);
        var reply = _connector.Sent.Last();
        Assert.Equal(_secretariat.ConversationId, (string?)reply["conversation"]?["id"]);
        Assert.Equal(TeamLinkAuditAction.Linked, Assert.Single(await Links().GetAuditAsync(TeamId, default)).Action);
    }

    [Fact]
    public async Task OfferedMember_ChecksInOnceAdded()
    {
        var rita = new ActivityBuilder(_connector.ServiceUrl, "aad-rita", "Rita Lima").InTeam(TeamId, ChannelId);
        var offer = await Send(_secretariat, "link team Brazil");

        var before = await Send(rita, "check in");
        var added = await _bot.ExecuteAsync(_secretariat, "teamlink.addMembers", new { selected = "aad-rita" });
        var after = await Send(rita, "check in");

        Assert.Contains("aad-rita", Choices(offer));
        Assert.Contains("not on the SopBot roster", before.AllText());
        Assert.Contains("Added 1 to Brazil: Rita Lima.", added.AllText());
        Assert.Equal(["aad-joao"], Choices(added));
        Assert.Equal(new RosterMember("aad-rita", "Rita Lima", "BRA", Role.UnctMember), await Roster().FindAsync("aad-rita", default));
        Assert.Contains("1 of 15", after.AllText());
        Assert.Contains("Brazil", after.AllText());
        var audit = (await Roster().ListAuditAsync(10, null, default)).Entries.First(entry => entry.MemberId == "aad-rita");
        Assert.Equal(RosterAuditAction.Added, audit.Action);
        Assert.Equal("aad-secretariat", audit.ActorId);
    }

    [Fact]
    public async Task AddMembers_Outsider_IsNotAdded()
    {
        await Send(_secretariat, "link team Brazil");

        var card = await _bot.ExecuteAsync(_secretariat, "teamlink.addMembers", new { selected = "aad-outsider,aad-joao" });

        Assert.Contains("Added 1 to Brazil: João Silva.", card.AllText());
        Assert.Contains("aad-outsider is not a member of this team", card.AllText());
        Assert.Null(await Roster().FindAsync("aad-outsider", default));
    }

    [Fact]
    public async Task AddMembers_ByUnctMember_IsRejected()
    {
        await Send(_secretariat, "link team Brazil");
        var ana = new ActivityBuilder(_connector.ServiceUrl, "aad-ana", "Ana Souza").InTeam(TeamId, ChannelId);

        var card = await _bot.ExecuteAsync(ana, "teamlink.addMembers", new { selected = "aad-rita" });

        Assert.Contains("Only the UNDG LAC Secretariat and SopBot administrators can add people to the roster", card.AllText());
        Assert.Null(await Roster().FindAsync("aad-rita", default));
    }

    [Fact]
    public async Task LinkTeam_ByUnctMember_IsRejected()
    {
        var ana = new ActivityBuilder(_connector.ServiceUrl, "aad-ana", "Ana Souza").InTeam(TeamId);

        var card = await Send(ana, "link team Brazil");

        Assert.Contains("Only the UNDG LAC Secretariat and SopBot administrators can link a team to a country", card.AllText());
        Assert.Null(await Links().FindAsync(TeamId, default));
    }

    [Fact]
    public async Task LinkTeam_InPersonalChat_PointsToChannel()
    {
        var personal = new ActivityBuilder(_connector.ServiceUrl, "aad-secretariat", "Regional Secretariat");

        var card = await _bot.SendAsync(_connector, personal, "link team Brazil");

        Assert.Contains("Type this in a channel of the team", card.AllText());
    }

    [Fact]
    public async Task LinkTeam_SecondCountry_NeedsUnlink()
    {
        await Send(_secretariat, "link team Brazil");

        _clock.Advance(TimeSpan.FromSeconds(1));
        var other = await Send(_secretariat, "vincular equipo Argentina");
        var unlinked = await Send(_secretariat, "unlink team");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var relinked = await Send(_secretariat, "link team Argentina");

        Assert.Contains("This team is linked to Brazil already", other.AllText());
        Assert.Contains("This team is no longer linked to Brazil", unlinked.AllText());
        Assert.Contains("This team is now linked to Argentina", relinked.AllText());
        Assert.Equal("ARG", (await Links().FindAsync(TeamId, default))?.CountryIso3);
        var audit = await Links().GetAuditAsync(TeamId, default);
        Assert.Equal([TeamLinkAuditAction.Linked, TeamLinkAuditAction.Unlinked, TeamLinkAuditAction.Linked], audit.Select(entry => entry.Action));
    }

    [Fact]
    public async Task LinkTeam_GeneralChannel_StoresNoChannel()
    {
        var general = new ActivityBuilder(_connector.ServiceUrl, "aad-secretariat", "Regional Secretariat").InTeam(TeamId);

        await Send(general, "link team Brazil");

        var link = await Links().FindAsync(TeamId, default);
        Assert.Null(link?.ChannelId);
        Assert.Equal(TeamId, (string?)JsonNode.Parse(link!.ConversationReference)!["conversation"]?["id"]);
    }

    [Fact]
    public async Task TeamMembers_ReadsEveryPage()
    {
        _connector.Members.Clear();
        _connector.Members.AddRange(Enumerable.Range(1, 250).Select(i => ConnectorRecorder.Member($"aad-member-{i:D3}", $"Member {i}")));

        var card = await Send(_secretariat, "link team Brazil");

        Assert.Equal(3, _connector.MemberRequests.Count(request => request.StartsWith($"pagedmembers {TeamId}?", StringComparison.Ordinal)));
        Assert.Contains("250 members of this team are not on the roster; here are the first 40", card.AllText());
        Assert.Equal(40, Choices(card).Count);
    }

    [Fact]
    public async Task TeamMembers_BeforeLinking_IsRejected()
    {
        var card = await Send(_secretariat, "team members");

        Assert.Contains("This team is not linked to a country", card.AllText());
    }

    private async Task<JsonObject> Send(ActivityBuilder sender, string text)
    {
        var before = _connector.SentCards().Count;
        var response = await _bot.PostActivityAsync(sender.MentionMessage(text));
        response.EnsureSuccessStatusCode();
        var cards = _connector.SentCards();
        Assert.Equal(before + 1, cards.Count);
        return cards[^1];
    }

    /// <summary>The values of the offer's choices: the AAD object ids of the people offered.</summary>
    private static List<string> Choices(JsonObject card) =>
        JsonObjectExtensions.Nodes(card).OfType<JsonObject>()
            .Where(node => (string?)node["id"] == "selected")
            .SelectMany(node => node["choices"]!.AsArray())
            .Select(choice => (string)choice!["value"]!)
            .ToList();

    private SopBotTables Tables() => new(azurite.TableService(), new StorageOptions { TablePrefix = _prefix });

    private TableTeamLinkStore Links() => new(Tables(), TimeProvider.System);

    private TableRosterStore Roster() => new(Tables(), TimeProvider.System);
}
