using Microsoft.Extensions.Time.Testing;
using SopBot.Domain;
using SopBot.Domain.CheckIns;
using SopBot.Domain.Sop;
using SopBot.IntegrationTests.Support;
using SopBot.Storage;

namespace SopBot.IntegrationTests;

[Collection(AzuriteCollection.Name)]
public sealed class TableCheckInStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Quarter Q4 = new(2026, 4);
    private static readonly Caller Ana = new("aad-ana", "Ana", null);
    private static readonly Caller Luis = new("aad-luis", "Luis", null);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero));
    private SopBotTables _tables = null!;
    private TableCheckInStore _store = null!;

    public async Task InitializeAsync()
    {
        _tables = new SopBotTables(azurite.TableService(), new StorageOptions { TablePrefix = AzuriteFixture.NewTablePrefix() });
        await _tables.CreateIfNotExistsAsync(default);
        _store = new TableCheckInStore(_tables, _clock);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Save_ThenRead_ReturnsAnswerAndHistory()
    {
        var input = new AnswerInput(ElementStatus.InProgress, "Draft ToR with the ministry", new Evidence("ToR draft v2", "https://example.org/tor", "RC Office"));

        var result = await _store.SaveAnswerAsync("BRA", Q4, 1, input, Ana, null, default);

        var saved = Assert.IsType<SaveAnswerResult.Saved>(result);
        Assert.False(string.IsNullOrEmpty(saved.Answer.Version));
        var answer = Assert.Single(await _store.GetAnswersAsync("BRA", Q4, default));
        Assert.Equal(input, answer.Input);
        Assert.Equal("aad-ana", answer.AnsweredById);
        Assert.Equal("Ana", answer.AnsweredByName);
        Assert.Equal(_clock.GetUtcNow(), answer.AnsweredAt);
        Assert.Equal(saved.Answer.Version, answer.Version);
        var history = Assert.Single(await _store.GetHistoryAsync("BRA", Q4, default));
        Assert.Null(history.Before);
        Assert.Equal(input, history.After);
        Assert.Equal("aad-ana", history.ChangedById);
    }

    [Fact]
    public async Task Update_WithCurrentVersion_AppendsHistoryWithBeforeAndAfter()
    {
        var first = new AnswerInput(ElementStatus.NotStarted, "", Evidence.None);
        var second = new AnswerInput(ElementStatus.Achieved, "Signed", Evidence.None);
        var saved = (SaveAnswerResult.Saved)await _store.SaveAnswerAsync("BRA", Q4, 3, first, Ana, null, default);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var result = await _store.SaveAnswerAsync("BRA", Q4, 3, second, Luis, saved.Answer.Version, default);

        Assert.IsType<SaveAnswerResult.Saved>(result);
        var answer = Assert.Single(await _store.GetAnswersAsync("BRA", Q4, default));
        Assert.Equal(ElementStatus.Achieved, answer.Status);
        Assert.Equal("aad-luis", answer.AnsweredById);
        var history = await _store.GetHistoryAsync("BRA", Q4, default);
        Assert.Equal(2, history.Count);
        Assert.Equal(first, history[1].Before);
        Assert.Equal(second, history[1].After);
        Assert.Equal("aad-luis", history[1].ChangedById);
    }

    [Fact]
    public async Task Update_WithStaleVersion_IsConflictAndWritesNothing()
    {
        var saved = (SaveAnswerResult.Saved)await _store.SaveAnswerAsync("BRA", Q4, 4, Input("v1"), Ana, null, default);
        await _store.SaveAnswerAsync("BRA", Q4, 4, Input("v2"), Luis, saved.Answer.Version, default);

        var result = await _store.SaveAnswerAsync("BRA", Q4, 4, Input("v3 from a stale card"), Ana, saved.Answer.Version, default);

        var conflict = Assert.IsType<SaveAnswerResult.Conflict>(result);
        Assert.Equal("v2", conflict.Latest?.Input.Note);
        Assert.Equal(2, (await _store.GetHistoryAsync("BRA", Q4, default)).Count);
    }

    [Theory]
    [InlineData("not-an-etag")]
    [InlineData("W/\"datetime'2001-01-01T00%3A00%3A00Z'\"")]
    public async Task Update_WithForgedVersion_IsConflict(string version)
    {
        await _store.SaveAnswerAsync("BRA", Q4, 6, Input("kept"), Ana, null, default);

        var result = await _store.SaveAnswerAsync("BRA", Q4, 6, Input("forged"), Luis, version, default);

        Assert.IsType<SaveAnswerResult.Conflict>(result);
        Assert.Equal("kept", Assert.Single(await _store.GetAnswersAsync("BRA", Q4, default)).Input.Note);
    }

    [Fact]
    public async Task Retry_OfTheSameSave_IsUnchangedWithoutSecondHistoryRow()
    {
        await _store.SaveAnswerAsync("BRA", Q4, 7, Input("once"), Ana, null, default);

        var retry = await _store.SaveAnswerAsync("BRA", Q4, 7, Input("once"), Ana, null, default);

        Assert.IsType<SaveAnswerResult.Unchanged>(retry);
        Assert.Single(await _store.GetHistoryAsync("BRA", Q4, default));
    }

    [Fact]
    public async Task TwoWriters_RacingOnOneElement_OneWinsAndTheOtherSeesIt()
    {
        for (var round = 0; round < 20; round++)
        {
            var element = (round % 15) + 1;
            var quarter = new Quarter(2026, 1 + (round / 15));
            var start = new TaskCompletionSource();
            var ana = Task.Run(async () =>
            {
                await start.Task;
                return await _store.SaveAnswerAsync("COL", quarter, element, Input("ana " + round), Ana, null, default);
            });
            var luis = Task.Run(async () =>
            {
                await start.Task;
                return await _store.SaveAnswerAsync("COL", quarter, element, Input("luis " + round), Luis, null, default);
            });

            start.SetResult();
            var results = await Task.WhenAll(ana, luis);

            Assert.Single(results, result => result is SaveAnswerResult.Saved);
            var conflict = Assert.Single(results.OfType<SaveAnswerResult.Conflict>());
            var winner = results.OfType<SaveAnswerResult.Saved>().Single().Answer;
            Assert.Equal(winner.Input, conflict.Latest?.Input);
            var stored = (await _store.GetAnswersAsync("COL", quarter, default)).Single(answer => answer.ElementNumber == element);
            Assert.Equal(winner.Input, stored.Input);
            Assert.Single(await _store.GetHistoryAsync("COL", quarter, default), entry => entry.ElementNumber == element);
        }
    }

    [Fact]
    public async Task Answers_AreKeptApartByCountryAndQuarter()
    {
        await _store.SaveAnswerAsync("BRA", Q4, 1, Input("brazil"), Ana, null, default);
        await _store.SaveAnswerAsync("ARG", Q4, 1, Input("argentina"), Ana, null, default);
        await _store.SaveAnswerAsync("BRA", Q4.Previous(), 1, Input("last quarter"), Ana, null, default);

        Assert.Equal("brazil", Assert.Single(await _store.GetAnswersAsync("BRA", Q4, default)).Input.Note);
        Assert.Equal("last quarter", Assert.Single(await _store.GetAnswersAsync("BRA", Q4.Previous(), default)).Input.Note);
    }

    [Fact]
    public async Task Note_WithTrickyCharacters_RoundTripsVerbatim()
    {
        var note = "</at> **bold** \"quotes\" \\ / # ? {\"a\":[1]} ${$root} 🌎\nline two";

        await _store.SaveAnswerAsync("BRA", Q4, 9, Input(note), Ana, null, default);

        Assert.Equal(note, Assert.Single(await _store.GetAnswersAsync("BRA", Q4, default)).Input.Note);
    }

    [Fact]
    public async Task Save_SameValuesWithCurrentVersion_IsUnchanged()
    {
        var saved = (SaveAnswerResult.Saved)await _store.SaveAnswerAsync("BRA", Q4, 8, Input("same"), Ana, null, default);
        _clock.Advance(TimeSpan.FromMinutes(3));

        var result = await _store.SaveAnswerAsync("BRA", Q4, 8, Input("same"), Luis, saved.Answer.Version, default);

        var unchanged = Assert.IsType<SaveAnswerResult.Unchanged>(result);
        Assert.Equal("aad-ana", unchanged.Answer.AnsweredById);
        Assert.Single(await _store.GetHistoryAsync("BRA", Q4, default));
        Assert.Equal(saved.Answer.AnsweredAt, Assert.Single(await _store.GetAnswersAsync("BRA", Q4, default)).AnsweredAt);
    }

    [Fact]
    public async Task Save_WithoutTables_Throws()
    {
        var missing = new SopBotTables(azurite.TableService(), new StorageOptions { TablePrefix = AzuriteFixture.NewTablePrefix() });
        var store = new TableCheckInStore(missing, _clock);

        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => store.SaveAnswerAsync("BRA", Q4, 1, Input("lost?"), Ana, null, default));
    }

    private static AnswerInput Input(string note) => new(ElementStatus.InProgress, note, Evidence.None);
}
