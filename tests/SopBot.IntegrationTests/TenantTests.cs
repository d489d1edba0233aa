using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using SopBot.IntegrationTests.Support;

namespace SopBot.IntegrationTests;

/// <summary>Authorization:AllowedTenantIds over HTTP: a caller from another tenant gets one short message and nothing else happens.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TenantTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string OtherTenant = "11111111-2222-3333-4444-555555555555";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero));
    private readonly string _prefix = AzuriteFixture.NewTablePrefix();
    private ConnectorRecorder _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorRecorder.StartAsync();
        _bot = new BotHost(azurite.ConnectionString, _prefix, _clock, new Dictionary<string, string?>
        {
            ["Authorization:AllowedTenantIds:0"] = ActivityBuilder.DefaultTenant,
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task OtherTenant_Message_IsRejected()
    {
        var secretariat = new ActivityBuilder(_connector.ServiceUrl, "aad-secretariat", "Regional Secretariat", tenantId: OtherTenant);

        var card = await _bot.SendAsync(_connector, secretariat, "check in");

        Assert.Contains("SopBot is not available to your organization", card.AllText());
        Assert.Single(_connector.Sent);
        Assert.Empty(await RowsAsync("Claims"));
        Assert.Empty(await RowsAsync("CheckInProgress"));
    }

    [Fact]
    public async Task OtherTenant_CardAction_IsRejected()
    {
        var ana = new ActivityBuilder(_connector.ServiceUrl, "aad-ana", "Ana Souza", tenantId: OtherTenant);

        var card = await _bot.ExecuteAsync(ana, "checkin.save", new { element = 1, country = "BRA", quarter = "2026-Q4", version = "", status = "achieved" });
        var roster = await _bot.ExecuteAsync(ana, "roster.add", new { displayName = "X", aadObjectId = "aad-x", country = "BRA", roles = "unctMember" });

        Assert.Contains("SopBot is not available to your organization", card.AllText());
        Assert.Contains("SopBot is not available to your organization", roster.AllText());
        Assert.Empty(await RowsAsync("CheckIns"));
        Assert.Empty(await RowsAsync("CheckInProgress"));
    }

    [Fact]
    public async Task ContradictingTenants_AreRejected()
    {
        var ana = new ActivityBuilder(_connector.ServiceUrl, "aad-ana", "Ana Souza");
        var message = ana.Message("check in");
        message["channelData"]!["tenant"]!["id"] = OtherTenant;

        var response = await _bot.PostActivityAsync(message);

        response.EnsureSuccessStatusCode();
        Assert.Contains("SopBot is not available to your organization", Assert.Single(_connector.SentCards()).AllText());
    }

    [Fact]
    public async Task TenantOnlyInChannelData_IsAllowed()
    {
        var ana = new ActivityBuilder(_connector.ServiceUrl, "aad-ana", "Ana Souza");
        var message = ana.Message("check in");
        message["conversation"]!.AsObject().Remove("tenantId");

        await _bot.PostActivityAsync(message);

        Assert.Contains("1 of 15", Assert.Single(_connector.SentCards()).AllText());
    }

    [Fact]
    public async Task InstallEvent_OtherTenant_GetsNoWelcome()
    {
        var other = new ActivityBuilder(_connector.ServiceUrl, "aad-ana", "Ana Souza", tenantId: OtherTenant);
        var allowed = new ActivityBuilder(_connector.ServiceUrl, "aad-luis", "Luis Pérez");

        await _bot.PostActivityAsync(other.Base("installationUpdate", null).With("action", "add"));
        await _bot.PostActivityAsync(allowed.Base("installationUpdate", null).With("action", "add"));

        Assert.Contains("Welcome to SopBot", Assert.Single(_connector.SentCards()).AllText());
    }

    private async Task<List<TableEntity>> RowsAsync(string table)
    {
        var client = azurite.TableService().GetTableClient(_prefix + table);
        var rows = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }
}

/// <summary>Without Authorization:AllowedTenantIds, the insecure anonymous local mode allows every tenant.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AnyTenantInLocalModeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero));
    private ConnectorRecorder _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorRecorder.StartAsync();
        _bot = new BotHost(azurite.ConnectionString, AzuriteFixture.NewTablePrefix(), _clock);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task AnyTenant_CanCheckIn()
    {
        var ana = new ActivityBuilder(_connector.ServiceUrl, "aad-ana", "Ana Souza", tenantId: Guid.NewGuid().ToString());

        var card = await _bot.SendAsync(_connector, ana, "check in");

        Assert.Contains("1 of 15", card.AllText());
    }
}
