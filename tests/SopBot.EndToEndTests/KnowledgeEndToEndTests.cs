using SopBot.Domain;
using SopBot.Domain.CheckIns;
using SopBot.Domain.Sop;
using SopBot.EndToEndTests.Infrastructure;
using SopBot.Storage;
using Xunit.Abstractions;

namespace SopBot.EndToEndTests;

/// <summary>Questions in both languages, a related question, a vote, and a Regional Director's brief.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class KnowledgeEndToEndTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public Task Question_InEnglish_RelatedQuestionAndVote() => fixture.RunAsync(output, async page =>
    {
        await page.SendMessageAsync("Who chairs the Results Groups?");
        var card = await page.WaitForCardContainingAsync("Was this answer helpful?");
        Assert.Contains("Head", await card.TextAsync());

        var related = await card.Card.Locator("button").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("\\?$") }).First.InnerTextAsync();
        await card.ExecuteActionAsync(related.Trim());
        await card.WaitForTextAsync("Was this answer helpful?");

        await card.ExecuteActionAsync("Helpful");
        await card.WaitForTextAsync("your vote was recorded");

        var votes = fixture.TableService().GetTableClient(fixture.TablePrefix + "Feedback");
        var count = 0;
        await foreach (var _ in votes.QueryAsync<Azure.Data.Tables.TableEntity>(entity => entity.GetString("VoterId") == PlaygroundUser.AnaSouza.AadObjectId))
        {
            count++;
        }

        Assert.True(count >= 1, "no vote stored");
        await card.ScreenshotAsync("knowledge-answer-voted");
    });

    [Fact]
    public Task Question_InSpanish_IsAnsweredInSpanish() => fixture.RunAsync(output, async page =>
    {
        fixture.Locale = "es-ES";

        await page.SendMessageAsync("¿Quién copreside el Grupo de Apoyo entre Pares?");

        var card = await page.WaitForCardContainingAsync("¿Le sirvió esta respuesta?");
        var text = await card.TextAsync();
        Assert.Contains("PNUD", text);
        Assert.Contains("ONU Mujeres", text);
    });

    [Fact]
    public Task RegionalDirector_GetsBriefWithPillarPage() => fixture.RunAsync(output, async page =>
    {
        // Guatemala's check-ins of this quarter and the one before, as a country team would have left them.
        var tables = new SopBotTables(fixture.TableService(), new StorageOptions { TablePrefix = fixture.TablePrefix });
        var store = new TableCheckInStore(tables, TimeProvider.System);
        var quarter = Quarter.FromDate(DateTimeOffset.UtcNow);
        var team = new Caller("aad-gtm", "Guatemala focal point", null);
        await store.SaveAnswerAsync("GTM", quarter.Previous(), 4, new AnswerInput(ElementStatus.InProgress, "JWPs in draft", Evidence.None), team, null, default);
        await store.SaveAnswerAsync("GTM", quarter, 4, new AnswerInput(ElementStatus.Achieved, "JWPs signed by six agencies", new Evidence("", "JWP 2026 signed copy", "RC Office")), team, null, default);
        fixture.Sender = PlaygroundUser.MiguelTorres;

        await page.SendMessageAsync("brief Guatemala");

        var card = await page.WaitForCardContainingAsync("Country brief: Guatemala");
        await card.WaitForTextAsync("Element 4 (Joint Work Plans): In progress → Achieved");
        await card.ScreenshotAsync("country-brief");
        await card.ClickActionAsync("Talking points");
        await card.WaitForTextAsync("Standard talking points");
        await card.ExecuteActionAsync("One Programme");
        await card.WaitForTextAsync("JWPs signed by six agencies");
        await card.WaitForTextAsync("JWP 2026 signed copy");
        await card.ScreenshotAsync("country-brief-one-programme");
    });

    [Fact]
    public Task UnctMember_BriefForAnotherCountry_IsRefused() => fixture.RunAsync(output, async page =>
    {
        await page.SendMessageAsync("brief Argentina");

        await page.WaitForCardContainingAsync("Regional Directors and the Secretariat");
    });
}
