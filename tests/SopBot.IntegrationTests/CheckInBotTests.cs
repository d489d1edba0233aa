using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SopBot.Domain.CheckIns;
using SopBot.IntegrationTests.Support;
using SopBot.Storage;

namespace SopBot.IntegrationTests;

/// <summary>The whole bot over HTTP against Azurite: the check-in flow, restarts and rejected input.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CheckInBotTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Quarter Q4 = new(2026, 4);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero));
    private readonly string _prefix = AzuriteFixture.NewTablePrefix();
    private ConnectorRecorder _connector = null!;
    private BotHost _bot = null!;
    private ActivityBuilder _ana = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorRecorder.StartAsync();
        _bot = new BotHost(azurite.ConnectionString, _prefix, _clock);
        _ana = new ActivityBuilder(_connector.ServiceUrl, "aad-ana", "Ana Souza");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Start_ShowsFirstElementForMembersCountry()
    {
        var card = await _bot.ExecuteAsync(_ana, "checkin.start", new { });

        Assert.Contains("1 of 15", card.AllText());
        Assert.Contains("Brazil, 2026-Q4", card.AllText());
        Assert.Equal(1, (int?)card.ActionData("checkin.save")?["element"]);
        Assert.Equal("BRA", (string?)card.ActionData("checkin.save")?["country"]);
    }

    [Fact]
    public async Task Restart_MidCheckIn_ResumesAtNextElementWithAnswersIntact()
    {
        var card = await _bot.ExecuteAsync(_ana, "checkin.start", new { });
        for (var number = 1; number <= 5; number++)
        {
            card = await _bot.ExecuteAsync(_ana, "checkin.save", Answer(card, "inProgress", $"note {number}"));
        }

        await _bot.DisposeAsync();
        _bot = new BotHost(azurite.ConnectionString, _prefix, _clock);
        var resumed = await _bot.ExecuteAsync(_ana, "checkin.start", new { });

        Assert.Contains("6 of 15", resumed.AllText());
        var answers = await Store().GetAnswersAsync("BRA", Q4, default);
        Assert.Equal([1, 2, 3, 4, 5], answers.Select(answer => answer.ElementNumber).Order());
        Assert.All(answers, answer => Assert.Equal($"note {answer.ElementNumber}", answer.Input.Note));
    }

    [Fact]
    public async Task CheckInMessage_AfterRestart_SendsCardAtFirstUnanswered()
    {
        var card = await _bot.ExecuteAsync(_ana, "checkin.start", new { });
        card = await _bot.ExecuteAsync(_ana, "checkin.save", Answer(card, "achieved", ""));
        await _bot.DisposeAsync();
        _bot = new BotHost(azurite.ConnectionString, _prefix, _clock);

        var response = await _bot.PostActivityAsync(_ana.Message("check in"));

        Assert.True(response.IsSuccessStatusCode);
        var sent = Assert.Single(_connector.SentCards());
        Assert.Contains("2 of 15", sent.AllText());
    }

    [Fact]
    public async Task SameMessageDeliveredTwice_IsAnsweredOnce()
    {
        var message = _ana.Message("help", id: "activity-42");

        await _bot.PostActivityAsync(message);
        await _bot.PostActivityAsync(message.DeepClone().AsObject());

        Assert.Single(_connector.SentCards());
    }

    [Fact]
    public async Task InstallEvents_SendOneWelcome()
    {
        var install = _ana.Base("installationUpdate", null).With("action", "add");
        var membersAdded = _ana.Base("conversationUpdate", null)
            .With("membersAdded", new JsonArray(new JsonObject { ["id"] = "28:sopbot" }));

        await _bot.PostActivityAsync(install);
        await _bot.PostActivityAsync(membersAdded);

        var welcome = Assert.Single(_connector.SentCards());
        Assert.Contains("Welcome to SopBot", welcome.AllText());
        Assert.NotNull(welcome.ActionData("checkin.start"));
    }

    [Fact]
    public async Task SpanishLocale_GetsSpanishCard()
    {
        var spanish = new ActivityBuilder(_connector.ServiceUrl, "aad-luis", "Luis Pérez", "es-MX");

        var card = await _bot.ExecuteAsync(spanish, "checkin.start", new { });

        Assert.Contains("1 de 15", card.AllText());
        Assert.Contains("Guardar y seguir", card.AllText());
        Assert.Contains("Brasil", card.AllText());
    }

    [Fact]
    public async Task TrickyNote_IsStoredAndShownBackVerbatim()
    {
        const string note = "</at> **bold** _under_ \"quotes\" 'single' \\ {\"json\": [1]} ${$root.heading} 🌎\nline two";
        var card = await _bot.ExecuteAsync(_ana, "checkin.start", new { });
        await _bot.ExecuteAsync(_ana, "checkin.save", Answer(card, "inProgress", note));

        var reopened = await _bot.ExecuteAsync(_ana, "checkin.open", new { element = 1, country = "BRA", quarter = "2026-Q4", version = "" });

        Assert.Equal(note, reopened.InputValue("note"));
        Assert.Contains(note, reopened.AllText());
        Assert.Equal(note, Assert.Single(await Store().GetAnswersAsync("BRA", Q4, default)).Input.Note);
    }

    [Fact]
    public async Task TwoMembers_SavingOneElement_SecondSeesFirstAnswer()
    {
        var luis = new ActivityBuilder(_connector.ServiceUrl, "aad-luis", "Luis Pérez");
        var anaCard = await _bot.ExecuteAsync(_ana, "checkin.start", new { });
        var luisCard = await _bot.ExecuteAsync(luis, "checkin.start", new { });

        await _bot.ExecuteAsync(luis, "checkin.save", Answer(luisCard, "achieved", "Luis first"));
        var conflict = await _bot.ExecuteAsync(_ana, "checkin.save", Answer(anaCard, "notStarted", "Ana second"));

        Assert.Contains("Luis Pérez answered this element a moment ago", conflict.AllText());
        Assert.Equal("Luis first", conflict.InputValue("note"));
        var stored = Assert.Single(await Store().GetAnswersAsync("BRA", Q4, default));
        Assert.Equal("Luis first", stored.Input.Note);
        Assert.Single(await Store().GetHistoryAsync("BRA", Q4, default));
    }

    public static TheoryData<string, object, string> RejectedSubmissions => new()
    {
        { "element 0", new { element = 0, country = "BRA", quarter = "2026-Q4", version = "", status = "achieved" }, "numbered 1 to 15" },
        { "element 16", new { element = 16, country = "BRA", quarter = "2026-Q4", version = "", status = "achieved" }, "numbered 1 to 15" },
        { "element abc", new { element = "abc", country = "BRA", quarter = "2026-Q4", version = "", status = "achieved" }, "numbered 1 to 15" },
        { "unknown status", new { element = 1, country = "BRA", quarter = "2026-Q4", version = "", status = "done" }, "status the bot does not know" },
        { "50,000 character note", new { element = 1, country = "BRA", quarter = "2026-Q4", version = "", status = "achieved", note = new string('x', 50_000) }, "keep it to 1,000 characters" },
        { "another country", new { element = 1, country = "ARG", quarter = "2026-Q4", version = "", status = "achieved" }, "another country" },
        { "closed quarter", new { element = 1, country = "BRA", quarter = "2026-Q3", version = "", status = "achieved" }, "not open now" },
        { "role in data", new { element = 1, country = "BRA", quarter = "2026-Q4", version = "", status = "achieved", role = "secretariat" }, "\"role\"" },
        { "not applicable without reason", new { element = 1, country = "BRA", quarter = "2026-Q4", version = "", status = "notApplicable", note = "" }, "needs a reason" },
    };

    [Theory]
    [MemberData(nameof(RejectedSubmissions))]
    public async Task BadSubmission_GetsSpecificMessageAndStoresNothing(string description, object data, string expectedMessage)
    {
        var response = await _bot.PostActivityAsync(_ana.Execute("checkin.save", data));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["value"]!.AllText().Contains(expectedMessage, StringComparison.Ordinal), $"{description}: {body["value"]!.AllText()}");
        Assert.Empty(await Store().GetAnswersAsync("BRA", Q4, default));
        Assert.Empty(await Store().GetAnswersAsync("ARG", Q4, default));
        Assert.Empty(await Store().GetHistoryAsync("BRA", Q4, default));
    }

    [Fact]
    public async Task MemberNotOnRoster_IsToldWhomToAsk()
    {
        var stranger = new ActivityBuilder(_connector.ServiceUrl, "aad-stranger", "Stranger");

        var card = await _bot.ExecuteAsync(stranger, "checkin.start", new { });
        var save = await _bot.ExecuteAsync(stranger, "checkin.save", new { element = 1, country = "BRA", quarter = "2026-Q4", version = "", status = "achieved" });

        Assert.Contains("not on the SopBot roster", card.AllText());
        Assert.Contains("Secretariat", card.AllText());
        Assert.Contains("not on the SopBot roster", save.AllText());
        Assert.Empty(await Store().GetAnswersAsync("BRA", Q4, default));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"type\": 5}")]
    public async Task MalformedBody_IsRejectedWithout500(string body)
    {
        using var client = _bot.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"status {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("conversation")]
    [InlineData("recipient")]
    [InlineData("from")]
    public async Task ActivityMissingPart_IsDroppedWithoutReply(string part)
    {
        var message = _ana.Message("help");
        message.Remove(part);

        var response = await _bot.PostActivityAsync(message);

        Assert.True((int)response.StatusCode < 500, $"status {(int)response.StatusCode}");
        Assert.Empty(_connector.Sent);
    }

    [Fact]
    public async Task ActivityWithControlCharacterInId_IsDropped()
    {
        var message = _ana.Message("help", id: "forged\nfail: line");

        var response = await _bot.PostActivityAsync(message);

        Assert.True((int)response.StatusCode < 500, $"status {(int)response.StatusCode}");
        Assert.Empty(_connector.Sent);
    }

    [Fact]
    public async Task SaveFromStaleCard_OfOwnAnswer_SaysYouSavedIt()
    {
        var first = await _bot.ExecuteAsync(_ana, "checkin.start", new { });
        await _bot.ExecuteAsync(_ana, "checkin.save", Answer(first, "achieved", "from the first card"));

        var stale = await _bot.ExecuteAsync(_ana, "checkin.save", Answer(first, "inProgress", "from the stale card"));

        Assert.Contains("You saved this element from another card", stale.AllText());
    }

    [Fact]
    public async Task Restart_KeepsRosterEditsOverTheRosterFile()
    {
        await _bot.ExecuteAsync(_ana, "checkin.start", new { });
        var tables = new SopBotTables(azurite.TableService(), new StorageOptions { TablePrefix = _prefix });
        var roster = new TableRosterStore(tables, _clock);
        await roster.UpsertAsync([new Domain.Roster.RosterMember("aad-ana", "Ana Souza", "ARG", Domain.Roster.Role.UnctMember)], default);

        await _bot.DisposeAsync();
        _bot = new BotHost(azurite.ConnectionString, _prefix, _clock);
        var card = await _bot.ExecuteAsync(_ana, "checkin.start", new { });

        Assert.Contains("Argentina", card.AllText());
        Assert.Equal("ARG", (await roster.FindAsync("aad-ana", default))?.CountryIso3);
    }

    [Fact]
    public async Task Start_WithoutCredentialsOrLocalMode_IsRefused()
    {
        await using var production = new BotHost(azurite.ConnectionString, _prefix, _clock, anonymous: false);

        // Program prints the validation message and returns 1, so the host the factory waits for never starts.
        // BotOptionsValidatorTests checks the message itself.
        Assert.ThrowsAny<Exception>(() => production.CreateClient());
    }

    [Fact]
    public async Task OversizedBody_IsRejected()
    {
        var message = _ana.Message(new string('x', 2 * 1024 * 1024));

        var response = await _bot.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_connector.Sent);
    }

    [Fact]
    public async Task UnknownActivityType_IsAcceptedAndIgnored()
    {
        var response = await _bot.PostActivityAsync(_ana.Base("somethingNew", null));

        Assert.True(response.IsSuccessStatusCode);
        Assert.Empty(_connector.Sent);
    }

    [Fact]
    public async Task UnknownVerb_GetsMessageCard()
    {
        var card = await _bot.ExecuteAsync(_ana, "roster.delete", new { element = 1 });

        Assert.Contains("action the bot does not know", card.AllText());
    }

    private TableCheckInStore Store() =>
        new(new SopBotTables(azurite.TableService(), new StorageOptions { TablePrefix = _prefix }), TimeProvider.System);

    /// <summary>What Teams sends for Save on this card: the action's data merged with the input values.</summary>
    private static JsonObject Answer(JsonObject card, string status, string note)
    {
        var data = card.ActionData("checkin.save")!.DeepClone().AsObject();
        data["status"] = status;
        data["note"] = note;
        data["termsOfReference"] = "";
        data["productOrLink"] = "";
        data["contactRole"] = "";
        return data;
    }
}
