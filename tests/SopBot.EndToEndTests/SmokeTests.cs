using SopBot.EndToEndTests.Infrastructure;
using Xunit.Abstractions;

namespace SopBot.EndToEndTests;

/// <summary>
/// Checks the whole chain: the Playground page loads, a typed message reaches the bot, and the
/// bot's card renders. The bot is expected to reply to "help" (and to "ayuda" from a Spanish
/// client) with the help card titled "What I can do" ("Lo que puedo hacer"). That card's
/// "Start check-in" button (Action.Execute) replaces it with the check-in card of element "1 of 15".
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SmokeTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public Task Help_RepliesWithHelpCard() => fixture.RunAsync(output, async page =>
    {
        await page.SendMessageAsync("help");

        var card = await page.WaitForCardContainingAsync("What I can do");
        Assert.Contains("check in", await card.TextAsync());
        await card.ScreenshotAsync("smoke-help-card");
    });

    [Fact]
    public Task StartCheckIn_ReplacesCardInPlace() => fixture.RunAsync(output, async page =>
    {
        await page.SendMessageAsync("help");
        var card = await page.WaitForCardContainingAsync("What I can do");
        var messagesBefore = await page.BotMessages.CountAsync();

        var result = await card.ExecuteActionAsync("Start check-in");

        Assert.Equal(200, result.Status);
        Assert.Equal("application/vnd.microsoft.card.adaptive", result.Type);
        await card.WaitForTextAsync("1 of 15");
        Assert.Equal(messagesBefore, await page.BotMessages.CountAsync());
        await card.ScreenshotAsync("smoke-check-in-first-element");
    });

    [Fact]
    public Task BotRestart_RepliesAfterRestart() => fixture.RunAsync(output, async page =>
    {
        await fixture.RestartBotAsync();

        await page.SendMessageAsync("help");
        await page.WaitForCardContainingAsync("What I can do");
    });

    [Fact]
    public Task SpanishClient_RepliesInSpanish() => fixture.RunAsync(output, async page =>
    {
        fixture.Locale = "es-ES";

        await page.SendMessageAsync("ayuda");

        var card = await page.WaitForCardContainingAsync("Lo que puedo hacer");
        await card.ScreenshotAsync("smoke-help-card-es");
    });
}
