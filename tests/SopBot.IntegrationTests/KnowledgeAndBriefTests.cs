using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SopBot.Domain;
using SopBot.Domain.CheckIns;
using SopBot.Domain.Sop;
using SopBot.IntegrationTests.Support;
using SopBot.Storage;

namespace SopBot.IntegrationTests;

/// <summary>Questions, feedback votes, talking points and country briefs through the real bot and Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class KnowledgeAndBriefTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero));
    private readonly string _prefix = AzuriteFixture.NewTablePrefix();
    private ConnectorRecorder _connector = null!;
    private BotHost _bot = null!;
    private ActivityBuilder _ana = null!;
    private ActivityBuilder _director = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorRecorder.StartAsync();
        _bot = new BotHost(azurite.ConnectionString, _prefix, _clock);
        _ana = new ActivityBuilder(_connector.ServiceUrl, "aad-ana", "Ana Souza");
        _director = new ActivityBuilder(_connector.ServiceUrl, "aad-director", "Regional Director");
        await Tables().CreateIfNotExistsAsync(default);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Question_InEnglish_GetsAnswerCardWithRelatedAndVotes()
    {
        var card = await _bot.SendAsync(_connector, _ana, "Who chairs the Results Groups?");

        Assert.Contains("Head", card.AllText());
        Assert.NotNull(card.ActionData("knowledge.helpful"));
        Assert.NotNull(card.ActionData("knowledge.open"));
    }

    [Fact]
    public async Task Question_InSpanishWithMention_IsAnswered()
    {
        var activity = new ActivityBuilder(_connector.ServiceUrl, "aad-luis", "Luis Pérez", "es-MX");
        var message = activity.Message("<at>SopBot</at> ¿Quién copreside el Grupo de Apoyo entre Pares?");
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>SopBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = "28:sopbot", ["name"] = "SopBot" },
        });

        await _bot.PostActivityAsync(message);

        var card = Assert.Single(_connector.SentCards());
        Assert.Contains("PNUD", card.AllText());
        Assert.Contains("ONU Mujeres", card.AllText());
    }

    [Fact]
    public async Task Vote_IsStoredOncePerPersonAndEntry()
    {
        var card = await _bot.SendAsync(_connector, _ana, "What does CBF stand for?");
        var vote = card.ActionData("knowledge.helpful")!;
        var forged = vote.DeepClone().AsObject();
        forged["answerId"] = Guid.NewGuid().ToString("N");

        var thanks = await _bot.ExecuteAsync(_ana, "knowledge.helpful", vote);
        await _bot.ExecuteAsync(_ana, "knowledge.helpful", forged);
        await _bot.ExecuteAsync(_ana, "knowledge.notHelpful", vote);

        Assert.Contains("Thank you", thanks.AllText());
        Assert.Null(thanks.ActionData("knowledge.helpful"));
        var votes = await Feedback().GetVotesAsync((string)vote["entryId"]!, default);
        var stored = Assert.Single(votes);
        Assert.False(stored.Helpful);
        Assert.Equal("aad-ana", stored.VoterId);
        Assert.Equal("What does CBF stand for?", stored.Question);
    }

    [Fact]
    public async Task RelatedQuestion_OpensThatEntry()
    {
        var card = await _bot.SendAsync(_connector, _ana, "What is element 12?");
        var related = card.ActionData("knowledge.open")!;

        var opened = await _bot.ExecuteAsync(_ana, "knowledge.open", related);

        Assert.NotNull(opened.ActionData("knowledge.helpful"));
        Assert.NotEqual(card.AllText(), opened.AllText());
    }

    [Theory]
    [InlineData("what's the weather in Lima")]
    [InlineData("¿quién ganó el partido ayer?")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!!???")]
    [InlineData("🙂🙂🙂")]
    [InlineData("title:(a OR b)~ * \"unbalanced")]
    public async Task OutOfScopeOrNoise_GetsNoAnswerCard(string text)
    {
        var card = await _bot.SendAsync(_connector, _ana, text);

        Assert.Contains("I don't have a good answer for that", card.AllText());
        Assert.Null(card.ActionData("knowledge.helpful"));
    }

    [Fact]
    public async Task VeryLongQuestion_IsHandled()
    {
        var card = await _bot.SendAsync(_connector, _ana, "What is the OMT? " + new string('a', 20_000));

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
    }

    [Fact]
    public async Task TamperedVote_IsRejectedAndNothingStored()
    {
        var card = await _bot.SendAsync(_connector, _ana, "What does CBF stand for?");
        var vote = card.ActionData("knowledge.helpful")!.DeepClone().AsObject();
        vote["role"] = "secretariat";

        var reply = await _bot.ExecuteAsync(_ana, "knowledge.helpful", vote);

        Assert.Contains("\"role\"", reply.AllText());
        Assert.Empty(await Feedback().GetVotesAsync((string)vote["entryId"]!, default));
    }

    [Fact]
    public async Task TalkingPoints_AreShownInTheCallersLanguage()
    {
        var spanish = new ActivityBuilder(_connector.ServiceUrl, "aad-luis", "Luis Pérez", "es-ES");

        var card = await _bot.SendAsync(_connector, spanish, "talking points");

        Assert.Contains("POE", card.AllText());
        Assert.Contains("1. ", card.AllText());
    }

    [Fact]
    public async Task Brief_ForDirector_ShowsStatusAndChangesSincePreviousQuarter()
    {
        var store = Store();
        var ana = new Caller("aad-ana", "Ana Souza", null);
        await store.SaveAnswerAsync("BRA", new Quarter(2026, 3), 4, Input(ElementStatus.InProgress, "JWPs drafted"), ana, null, default);
        await store.SaveAnswerAsync("BRA", new Quarter(2026, 3), 12, Input(ElementStatus.Achieved, "OMT chaired by UNICEF"), ana, null, default);
        await store.SaveAnswerAsync("BRA", new Quarter(2026, 4), 4, Input(ElementStatus.Achieved, "JWPs signed"), ana, null, default);
        await store.SaveAnswerAsync("BRA", new Quarter(2026, 4), 12, Input(ElementStatus.Achieved, "OMT chaired by UNICEF"), ana, null, default);

        var card = await _bot.SendAsync(_connector, _director, "brief Brasil");

        var text = card.AllText();
        Assert.Contains("Country brief: Brazil", text);
        Assert.Contains("2026-Q4", text);
        Assert.Contains("2026-Q3", text);
        Assert.Contains("Element 4 (Joint Work Plans): In progress → Achieved", text);
        Assert.DoesNotContain("Element 12 (", text);
        Assert.Contains("2 of 15", text);
    }

    [Fact]
    public async Task BriefPage_ShowsNotesAndEvidence()
    {
        var evidence = new Evidence("ToR signed 2025", "https://example.org/jwp", "RC Office");
        await Store().SaveAnswerAsync("BRA", new Quarter(2026, 4), 4, new AnswerInput(ElementStatus.Achieved, "JWPs signed", evidence), new Caller("aad-ana", "Ana", null), null, default);

        var page = await _bot.ExecuteAsync(_director, "brief.page", new { country = "BRA", page = 2 });

        Assert.Contains("JWPs signed", page.AllText());
        Assert.Contains("ToR signed 2025", page.AllText());
        Assert.Contains("RC Office", page.AllText());
    }

    [Fact]
    public async Task Brief_ByMemberForAnotherCountry_IsRefused()
    {
        var card = await _bot.SendAsync(_connector, _ana, "brief Argentina");
        var page = await _bot.ExecuteAsync(_ana, "brief.page", new { country = "ARG", page = 1 });

        Assert.Contains("Regional Directors and the Secretariat", card.AllText());
        Assert.Contains("Regional Directors and the Secretariat", page.AllText());
    }

    [Fact]
    public async Task Brief_ByMemberForOwnCountry_IsShown()
    {
        var card = await _bot.SendAsync(_connector, _ana, "brief BRA");

        Assert.Contains("Country brief: Brazil", card.AllText());
    }

    [Fact]
    public async Task Brief_UnknownCountry_SuggestsCloseNames()
    {
        var card = await _bot.SendAsync(_connector, _director, "brief Brazl");

        Assert.Contains("I don't know the country", card.AllText());
        Assert.Contains("Brazil", card.AllText());
    }

    [Fact]
    public async Task BriefPage_TamperedData_IsRejected()
    {
        var card = await _bot.ExecuteAsync(_director, "brief.page", new { country = "XXX", page = 9 });

        Assert.Contains("Nothing was saved", card.AllText());
    }

    private TableCheckInStore Store() => new(Tables(), _clock);

    private TableFeedbackStore Feedback() => new(Tables());

    private SopBotTables Tables() => new(azurite.TableService(), new StorageOptions { TablePrefix = _prefix });

    private static AnswerInput Input(ElementStatus status, string note) => new(status, note, Evidence.None);
}
