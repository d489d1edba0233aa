using Azure.Data.Tables;
using SopBot.EndToEndTests.Infrastructure;
using Xunit.Abstractions;

namespace SopBot.EndToEndTests;

/// <summary>
/// A complete self-assessment in the Agents Playground: every core element answered through
/// the real cards, one answer edited with Back, then the answers read from Table storage.
/// Valentina Gómez answers for Colombia, so no other test shares her country's check-in.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CheckInEndToEndTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    private const string NoteLabel = "Note (required for Not applicable: say why)";

    /// <summary>The status chosen for each element 1 to 15, a mix of every status.</summary>
    private static readonly string[] Plan =
    [
        "Achieved", "In progress", "Achieved", "Not started", "In progress",
        "Achieved", "In progress", "Not applicable", "Not started", "Achieved",
        "In progress", "Achieved", "Not started", "In progress", "Achieved",
    ];

    private static readonly Dictionary<string, string> StatusCodes = new()
    {
        ["Achieved"] = "achieved",
        ["In progress"] = "inProgress",
        ["Not started"] = "notStarted",
        ["Not applicable"] = "notApplicable",
    };

    [Fact]
    public Task CheckIn_AllElements_AreStoredWithHistory() => fixture.RunAsync(output, async page =>
    {
        fixture.Sender = PlaygroundUser.ValentinaGomez;
        await page.SendMessageAsync("check in");
        var card = await page.WaitForCardContainingAsync("1 of 15");
        Assert.Contains("Colombia", await card.TextAsync());

        for (var element = 1; element <= 15; element++)
        {
            await card.WaitForTextAsync($"{element} of 15");
            await card.ChooseAsync("Status", Plan[element - 1]);
            await card.FillTextInputAsync(NoteLabel, NoteFor(element));
            if (element == 3)
            {
                await card.FillTextInputAsync("Terms of reference", "UNDAF 2025-2029 signed in March");
            }

            var result = await card.ExecuteActionAsync("Save and next");
            Assert.Equal(200, result.Status);

            if (element == 6)
            {
                // Back from element 7 to 6, change the answer, and save it again.
                await card.WaitForTextAsync("7 of 15");
                await card.ExecuteActionAsync("Back");
                await card.WaitForTextAsync("6 of 15");
                await card.WaitForTextAsync("Recorded for");
                await card.ChooseAsync("Status", "In progress");
                await card.FillTextInputAsync(NoteLabel, "Edited: the medium-term CBF is still in draft");
                await card.ExecuteActionAsync("Save and next");
            }
        }

        await card.WaitForTextAsync("All 15 core elements are answered");
        var screenshot = await card.ScreenshotAsync("check-in-summary");
        output.WriteLine($"Summary card screenshot: {screenshot}");

        var table = fixture.TableService().GetTableClient(fixture.TablePrefix + "CheckIns");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(entity => entity.PartitionKey == "COL_" + CurrentQuarterKey()))
        {
            rows.Add(row);
        }

        var answers = rows.Where(row => row.RowKey.StartsWith("element-", StringComparison.Ordinal)).ToDictionary(row => row.GetInt32("Element")!.Value);
        Assert.Equal(15, answers.Count);
        for (var element = 1; element <= 15; element++)
        {
            var expectedStatus = element == 6 ? "inProgress" : StatusCodes[Plan[element - 1]];
            var expectedNote = element == 6 ? "Edited: the medium-term CBF is still in draft" : NoteFor(element);
            Assert.Equal(expectedStatus, answers[element].GetString("Status"));
            Assert.Equal(expectedNote, answers[element].GetString("Note"));
            Assert.Equal(PlaygroundUser.ValentinaGomez.AadObjectId, answers[element].GetString("AnsweredById"));
        }

        Assert.Equal("UNDAF 2025-2029 signed in March", answers[3].GetString("TermsOfReference"));
        var history = rows.Where(row => row.RowKey.StartsWith("history-", StringComparison.Ordinal)).ToList();
        Assert.Equal(16, history.Count);
        var edit = Assert.Single(history, row => row.GetInt32("Element") == 6 && row.GetString("BeforeStatus") is not null);
        Assert.Equal("achieved", edit.GetString("BeforeStatus"));
        Assert.Equal("inProgress", edit.GetString("AfterStatus"));
    });

    [Fact]
    public Task NotApplicable_WithoutReason_IsRefusedOnTheCard() => fixture.RunAsync(output, async page =>
    {
        fixture.Sender = PlaygroundUser.PedroAlves;
        await page.SendMessageAsync("check in");
        var card = await page.LatestCardAsync();
        await card.WaitForTextAsync("of 15");

        await card.ChooseAsync("Status", "Not applicable");
        await card.ExecuteActionAsync("Save and next");

        await card.WaitForTextAsync("Not applicable needs a reason");
    });

    private static string NoteFor(int element) =>
        element == 8 ? "The country programme has no joint resource mobilization: one agency only" : $"Note for element {element}: \"quoted\" **kept**";

    private static string CurrentQuarterKey()
    {
        var now = DateTimeOffset.UtcNow;
        return $"{now.Year:D4}Q{((now.Month - 1) / 3) + 1}";
    }
}
