using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SopBot.Bot.Briefs;
using SopBot.Bot.Cards;
using SopBot.Bot.CheckIn;
using SopBot.Bot.Knowledge;
using SopBot.Bot.Localization;
using SopBot.Bot.Roster;
using SopBot.Bot.Teams;
using SopBot.Domain;
using SopBot.Domain.Briefs;
using SopBot.Domain.CheckIns;
using SopBot.Domain.Countries;
using SopBot.Domain.Roster;
using SopBot.Domain.Sop;
using SopBot.Knowledge;

namespace SopBot.Bot.Tests;

/// <summary>Every card the bot builds, in both languages, with the largest data users can store.</summary>
public sealed class CardRenderingTests : IClassFixture<CardRenderingTests.Services>
{
    /// <summary>
    /// Teams rejects bot messages over about 28 KB, card included; cards stay under this
    /// lower bound so that the activity envelope fits too.
    /// </summary>
    private const int MaxCardBytes = 24 * 1024;

    private static readonly Quarter Q4 = new(2026, 4);
    private static readonly Country Brazil = CountryCatalog.FindByIso3("BRA")!;
    private static readonly RosterMember Ana = new("aad-ana", "Ana Souza", "BRA", Role.UnctMember);

    private readonly Services _services;

    public CardRenderingTests(Services services) => _services = services;

    public static TheoryData<Language> Languages => new() { Language.English, Language.Spanish };

    [Theory]
    [MemberData(nameof(Languages))]
    public void ElementCard_WithLargestAnswer_IsValidAndSmall(Language language)
    {
        var answer = LargestAnswer(7);
        var screen = new CheckInScreen.ElementCard(Context(), SopCatalog.Element(7), answer, null, CheckInNotice.AnsweredByOther, null);

        var card = Parse(_services.CheckInCards.Render(screen, language), out var bytes);

        Assert.True(bytes < MaxCardBytes, $"{bytes} bytes");
        Assert.Equal(answer.Input.Note, InputValue(card, "note"));
        Assert.Equal("inProgress", InputValue(card, "status"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryElementCard_Renders(Language language)
    {
        foreach (var element in SopCatalog.Elements)
        {
            var screen = new CheckInScreen.ElementCard(Context(), element, null, null, null, element.Number % 2 == 0 ? CheckInProblem.NoteTooLong : null);

            var card = Parse(_services.CheckInCards.Render(screen, language), out _);

            Assert.Equal(element.Number, (int?)ActionData(card, "checkin.save")?["element"]);
            Assert.Equal(element.Number == 1, ActionData(card, "checkin.back") is null);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Summary_OfFullCheckIn_IsValidAndSmall(Language language)
    {
        var answers = SopCatalog.Elements.Select(element => LargestAnswer(element.Number)).ToList();
        var screen = new CheckInScreen.Summary(Context(), CheckInSummary.From("BRA", Q4, answers));

        var card = Parse(_services.CheckInCards.Render(screen, language), out var bytes);

        Assert.True(bytes < MaxCardBytes, $"{bytes} bytes");
        Assert.Equal(15, Nodes(card).Count(node => (string?)node["verb"] == "checkin.open"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void RejectedAndPaused_Render(Language language)
    {
        foreach (var problem in Enum.GetValues<CheckInProblem>())
        {
            Parse(_services.CheckInCards.Render(new CheckInScreen.Rejected(problem, null), language), out _);
        }

        Parse(_services.CheckInCards.Render(new CheckInScreen.Paused(Context(), 4, 3), language), out _);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void BriefPages_WithLargestAnswers_AreValidAndSmall(Language language)
    {
        var latest = SopCatalog.Elements.Select(element => LargestAnswer(element.Number)).ToList();
        var brief = new CountryBrief(
            Brazil,
            Q4,
            CheckInSummary.From("BRA", Q4, latest),
            Q4.Previous(),
            SopCatalog.Elements.Select(element => new ElementChange(element.Number, ElementStatus.NotStarted, ElementStatus.InProgress)).ToList(),
            DateTimeOffset.UnixEpoch);

        Parse(_services.BriefCards.Overview(brief, language), out var overviewBytes);
        Assert.True(overviewBytes < MaxCardBytes, $"overview: {overviewBytes} bytes");
        for (var pillar = 1; pillar <= SopCatalog.Pillars.Count; pillar++)
        {
            var page = Parse(_services.BriefCards.PillarPage(brief, pillar, language), out var bytes);
            Assert.True(bytes < MaxCardBytes, $"pillar {pillar}: {bytes} bytes");
            Assert.Contains(latest[SopCatalog.ElementsOf(SopCatalog.Pillars[pillar - 1]).First().Number - 1].Input.Note, AllText(page));
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Welcome_Help_AndTalkingPoints_Render(Language language)
    {
        Assert.NotNull(ActionData(Parse(_services.Common.Welcome(language), out _), "checkin.start"));
        Assert.NotNull(ActionData(Parse(_services.Common.Help(language, TestPrincipals.UnctMemberInBrazil), out _), "checkin.start"));
        Parse(_services.KnowledgeCards.TalkingPoints(language), out _);
    }

    private static CheckInContext Context() => new(Ana, Brazil, Q4);

    private static ElementAnswer LargestAnswer(int element)
    {
        var note = string.Concat(Enumerable.Repeat("Ñ\"</at>*", AnswerRules.MaxNoteLength / 8)) + element;
        var evidence = new Evidence(new string('t', 500), new string('p', 500), new string('c', 500));
        return new ElementAnswer("BRA", Q4, element, new AnswerInput(ElementStatus.InProgress, note, evidence),
            "aad-ana", new string('N', 256), DateTimeOffset.UnixEpoch, "W/\"datetime'2026-12-04T15%3A00%3A00Z'\"");
    }

    private static JsonObject Parse(string json, out int bytes)
    {
        bytes = Encoding.UTF8.GetByteCount(json);
        var card = JsonNode.Parse(json)!.AsObject();
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        return card;
    }

    private static IEnumerable<JsonObject> Nodes(JsonNode? node) => node switch
    {
        JsonObject obj => new[] { obj }.Concat(obj.SelectMany(property => Nodes(property.Value))),
        JsonArray array => array.SelectMany(Nodes),
        _ => [],
    };

    private static JsonObject? ActionData(JsonObject card, string verb) =>
        Nodes(card).FirstOrDefault(node => (string?)node["verb"] == verb)?["data"]?.AsObject();

    private static string? InputValue(JsonObject card, string id) =>
        (string?)Nodes(card).FirstOrDefault(node => (string?)node["id"] == id)?["value"];

    private static string AllText(JsonObject card) => card.ToJsonString(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }).Replace("\\\"", "\"", StringComparison.Ordinal);

    /// <summary>The card builders with their real templates, strings and knowledge base, shared by the tests.</summary>
    public sealed class Services : IDisposable
    {
        public Services()
        {
            Renderer = new CardRenderer(Path.Combine(AppContext.BaseDirectory, "cards"));
            Strings = new Localizer();
            Knowledge = KnowledgeBase.Load(Path.Combine(AppContext.BaseDirectory, "content"));
            Common = new CommonCards(Renderer, Strings);
            CheckInCards = new CheckInCards(Renderer, Common, Strings);
            BriefCards = new BriefCards(Renderer, Knowledge, Strings);
            KnowledgeCards = new KnowledgeCards(Renderer, Knowledge, Strings);
            RosterCards = new RosterCards(Renderer, Strings);
            Access = new AccessMessages(Common, Strings);
        }

        public CardRenderer Renderer { get; }

        public Localizer Strings { get; }

        public KnowledgeBase Knowledge { get; }

        public RosterCards RosterCards { get; }

        public AccessMessages Access { get; }

        public CommonCards Common { get; }

        public CheckInCards CheckInCards { get; }

        public BriefCards BriefCards { get; }

        public KnowledgeCards KnowledgeCards { get; }

        public void Dispose() => Knowledge.Dispose();
    }
}
