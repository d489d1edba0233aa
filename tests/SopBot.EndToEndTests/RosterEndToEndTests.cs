using System.Text.Json.Nodes;
using Azure.Data.Tables;
using SopBot.EndToEndTests.Infrastructure;
using Xunit.Abstractions;

namespace SopBot.EndToEndTests;

/// <summary>
/// Roles in the Agents Playground: a Secretariat member links the team "UNCT Brazil" to Brazil
/// and lists its roster, a team member then checks in for Brazil from the team's channel, and a
/// UNCT member's Secretariat commands are rejected.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RosterEndToEndTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    /// <summary>The team id in tools/playground/m365agentsplayground.yml; General's conversation id is the team id.</summary>
    private const string TeamId = "19:team-unct-brazil@thread.tacv2";

    [Fact]
    public Task LinkedTeam_MemberChecksInThere() => fixture.RunAsync(output, async page =>
    {
        fixture.Sender = PlaygroundUser.LuciaFernandez;
        await page.OpenConversationAsync("UNCT Brazil - General");

        await page.SendMessageAsync("link team Brazil", mentionBot: true);

        var linkCard = await page.WaitForCardContainingAsync("linked to Brazil");
        Assert.Contains("Every member of this team is on the roster", await linkCard.TextAsync());
        await linkCard.ScreenshotAsync("team-linked");
        var link = await FindLinkAsync();
        Assert.Equal("BRA", link.GetString("CountryIso3"));
        Assert.Equal(PlaygroundUser.LuciaFernandez.AadObjectId, link.GetString("LinkedById"));
        var reference = JsonNode.Parse(link.GetString("ConversationReference")!)!;
        Assert.Equal(TeamId, (string?)reference["conversation"]?["id"]);
        Assert.False(string.IsNullOrEmpty((string?)reference["serviceUrl"]));

        fixture.Sender = PlaygroundUser.PedroAlves;
        await page.SendMessageAsync("check in", mentionBot: true);

        var checkIn = await page.WaitForCardContainingAsync("of 15");
        Assert.Contains("SOP check-in: Brazil", await checkIn.TextAsync());
        await checkIn.ScreenshotAsync("team-member-check-in");
    });

    [Fact]
    public Task Secretariat_RosterCard_OpensAddForm() => fixture.RunAsync(output, async page =>
    {
        fixture.Sender = PlaygroundUser.LuciaFernandez;

        await page.SendMessageAsync("roster Brazil");

        var card = await page.WaitForCardContainingAsync("Roster: Brazil");
        Assert.Contains("Pedro Alves", await card.TextAsync());
        await card.ScreenshotAsync("roster-brazil");
        await card.ExecuteActionAsync("Add member");
        await card.WaitForTextAsync("Add a person to the roster");
        await card.ExecuteActionAsync("Back to the roster");
        await card.WaitForTextAsync("Roster: all countries and regional roles");
    });

    [Fact]
    public Task UnctMember_SecretariatCommands_AreRejected() => fixture.RunAsync(output, async page =>
    {
        await page.SendMessageAsync("import roster");

        var refusal = await page.WaitForCardContainingAsync("Only the UNDG LAC Secretariat and SopBot administrators can import the roster");
        Assert.Contains("Your roles on the roster: UNCT member", await refusal.TextAsync());
        await refusal.ScreenshotAsync("unct-member-import-refused");

        fixture.Sender = PlaygroundUser.PedroAlves;
        await page.OpenConversationAsync("UNCT Brazil - General");
        await page.SendMessageAsync("unlink team", mentionBot: true);

        await page.WaitForCardContainingAsync("Only the UNDG LAC Secretariat and SopBot administrators can unlink a team from its country");
    });

    private async Task<TableEntity> FindLinkAsync()
    {
        var table = fixture.TableService().GetTableClient(fixture.TablePrefix + "TeamLinks");
        await foreach (var row in table.QueryAsync<TableEntity>(entity => entity.RowKey == "link"))
        {
            if (row.GetString("TeamId") == TeamId)
            {
                return row;
            }
        }

        throw new InvalidOperationException($"No link row for team {TeamId} in {table.Name}.");
    }
}
