using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SopBot.Bot.Briefs;
using SopBot.Bot.Cards;
using SopBot.Bot.CheckIn;
using SopBot.Bot.Knowledge;
using SopBot.Bot.Localization;
using SopBot.Bot.Roster;
using SopBot.Bot.TeamLinks;
using SopBot.Bot.Teams;
using SopBot.Domain;
using SopBot.Domain.Briefs;
using SopBot.Domain.CheckIns;
using SopBot.Domain.Countries;
using SopBot.Domain.Roster;
using SopBot.Domain.Sop;
using Moq;
using SopBot.Domain.Teams;
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

    [Theory]
    [MemberData(nameof(Languages))]
    public void RosterList_FullPageOfLargestRows_IsValidAndSmall(Language language)
    {
        var members = Enumerable.Range(0, RosterCards.PageSize).Select(LargestMember).ToList();
        var view = new RosterListView(null, Role.RegionalDirector, new RosterPage(members, new string('t', 1_000), 9), 3, true, true, true, true, LargestName, true);

        var card = Parse(_services.RosterCards.List(view, language), out var bytes);

        Assert.True(bytes < MaxCardBytes, $"{bytes} bytes");
        Assert.Equal(RosterCards.PageSize, Nodes(card).Count(node => (string?)node["verb"] == "roster.edit"));
        Assert.Equal(27, Nodes(card).First(node => (string?)node["id"] == "filterCountry")["choices"]!.AsArray().Count);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void MemberForm_WithLargestMember_IsValidAndSmall(Language language)
    {
        var member = LargestMember(1);
        var entered = new MemberForm(member.AadObjectId, new string('"', 1_000), "BRA", Roles.All);

        var card = Parse(_services.RosterCards.Form(member, entered, LargestName, language), out var bytes);

        Assert.True(bytes < MaxCardBytes, $"{bytes} bytes");
        Assert.Equal("unctMember,secretariat,regionalDirector,administrator", InputValue(card, "roles"));
        Assert.Equal(member.AadObjectId, ActionData(card, "roster.change")?["aadObjectId"]?.GetValue<string>());
        Assert.Null(ActionData(card, "roster.add"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void ImportPreview_PageOfLargestRows_IsValidAndSmall(Language language)
    {
        var rows = new List<RosterImportRow>();
        for (var line = 2; line < 2 + RosterImportCards.RowsPerPage * 3; line++)
        {
            rows.Add((line % 3) switch
            {
                0 => new RosterImportRow(line, RosterImportRowKind.Rejected, null, null, RosterProblem.UnknownCountry, new string('"', 200_000)),
                1 => new RosterImportRow(line, RosterImportRowKind.Added, null, LargestMember(line)),
                _ => new RosterImportRow(line, RosterImportRowKind.Changed, LargestMember(line), LargestMember(line) with { CountryIso3 = "ARG" }),
            });
        }

        var preview = new RosterImportPreview(new string('a', 32), "aad-sec", "Secretariat", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1, RosterImportStatus.Pending, rows);
        foreach (var page in new[] { 1, 2, 3 })
        {
            var card = Parse(_services.ImportCards.Preview(preview, page, language), out var bytes);

            Assert.True(bytes < MaxCardBytes, $"page {page}: {bytes} bytes");
            Assert.Null(ActionData(card, "roster.import.apply"));
            var pageTargets = Nodes(card).Where(node => (string?)node["verb"] == "roster.import.page").Select(node => (int?)node["data"]?["page"]).ToList();
            Assert.Equal(page > 1, pageTargets.Contains(page - 1));
            Assert.Equal(page < 3, pageTargets.Contains(page + 1));
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void ExportParts_OfLargestRoster_AreSmallAndImportBack(Language language)
    {
        var members = Enumerable.Range(0, 300).Select(LargestMember).ToList();

        var parts = RosterExportResponder.SplitIntoParts(members);

        Assert.True(parts.Count > 1);
        var parsed = parts.SelectMany(part => RosterCsv.Parse(Encoding.UTF8.GetBytes(part)).Members).ToList();
        Assert.Equal(members.Select(RosterRules.Normalize), parsed);
        foreach (var part in parts)
        {
            var data = new ExportCardData(LargestName, LargestName, true, LargestName, "CSV", part, true, true, new ExportPartData(1, 1), new ExportPartData(3, 1), "Previous", "Next");
            Parse(_services.Renderer.Render("roster-export", data), out var bytes);
            Assert.True(bytes < MaxCardBytes, $"{language}: {bytes} bytes");
        }
    }

    [Fact]
    public void ExportParts_OfEmptyRoster_IsTheHeader()
    {
        Assert.Equal(["aadObjectId,displayName,countryIso3,role\r\n"], RosterExportResponder.SplitIntoParts([]));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TeamMembersOffer_OfLargestMembers_OffersFewerToStaySmall(Language language)
    {
        var members = Enumerable.Range(0, 100).Select(i => new TeamMember(LargestMember(i).AadObjectId, LargestName, LargestName)).ToList();
        var card = await RenderOfferAsync(members, language);
        var offered = Nodes(card.Json).First(node => (string?)node["id"] == "selected")["choices"]!.AsArray().Count;

        Assert.True(card.Bytes < MaxCardBytes, $"{card.Bytes} bytes");
        Assert.InRange(offered, 10, TeamLinkResponder.MaxOffered - 1);
        Assert.Contains($" {offered}", AllText(card.Json));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TeamMembersOffer_OfTypicalMembers_OffersTheMost(Language language)
    {
        var members = Enumerable.Range(0, 100).Select(i => new TeamMember(Guid.NewGuid().ToString(), $"Member {i} with a long family name", $"member.{i}@example.org")).ToList();
        var card = await RenderOfferAsync(members, language);

        Assert.True(card.Bytes < MaxCardBytes, $"{card.Bytes} bytes");
        Assert.Equal(TeamLinkResponder.MaxOffered, Nodes(card.Json).First(node => (string?)node["id"] == "selected")["choices"]!.AsArray().Count);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void AccessDenials_HaveAMessageForEveryActionAndReason(Language language)
    {
        foreach (var action in Enum.GetValues<BotAction>())
        {
            foreach (var reason in Enum.GetValues<AccessReason>())
            {
                var text = _services.Access.Text(new AccessDecision(action, reason), TestPrincipals.UnctMemberInBrazil, language);
                Assert.DoesNotContain("{", text);
                Parse(_services.Access.Denied(new AccessDecision(action, reason), TestPrincipals.NoRole, language), out _);
            }
        }
    }

    /// <summary>
    /// A name of the largest size the roster allows, made of characters that take the most bytes
    /// once escaped for JSON by the card renderer. Those are quotes and backslashes (2 bytes), line
    /// and paragraph separators (6 bytes, as \u2028), and characters outside the Basic Multilingual
    /// Plane (12 bytes, as two \u escapes).
    /// </summary>
    private static readonly string LargestName = string.Concat(Enumerable.Repeat("\"\\\u2028\u2029🌎Ñ", RosterRules.MaxDisplayNameLength / 7)).PadRight(RosterRules.MaxDisplayNameLength, '"');

    private static RosterMember LargestMember(int index) =>
        new(index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + new string('x', RosterRules.MaxIdLength - 4), LargestName, "BRA", Roles.All);

    /// <summary>Renders "team members" in a linked team whose members are <paramref name="members"/>, none of them on the roster.</summary>
    private async Task<(JsonObject Json, int Bytes)> RenderOfferAsync(IReadOnlyList<TeamMember> members, Language language)
    {
        var link = new TeamLink("19:team@thread.tacv2", null, "BRA", "{}", "aad-sec", "Secretariat", DateTimeOffset.UnixEpoch);
        var links = new Mock<ITeamLinkStore>();
        links.Setup(store => store.FindAsync(link.TeamId, It.IsAny<CancellationToken>())).ReturnsAsync(link);
        var roster = new Mock<IRosterManagementStore>();
        roster.Setup(store => store.GetSnapshotAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new RosterSnapshot(1, []));
        var directory = new Mock<TeamMemberDirectory>();
        directory.Setup(d => d.ListAsync(It.IsAny<Microsoft.Bot.Builder.ITurnContext>(), link.TeamId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new TeamMemberList(members, false));
        var turn = new Mock<Microsoft.Bot.Builder.ITurnContext>();
        turn.SetupGet(context => context.Activity).Returns(new Microsoft.Bot.Schema.Activity
        {
            ChannelData = Newtonsoft.Json.Linq.JObject.FromObject(new { team = new { id = link.TeamId } }),
        });
        var responder = new TeamLinkResponder(
            links.Object, roster.Object, directory.Object, _services.Renderer, _services.Common, _services.Access, _services.Strings,
            NullLogger<TeamLinkResponder>.Instance);

        var json = await responder.OfferAsync(turn.Object, TestPrincipals.Secretariat, language, default);

        return (Parse(json, out var bytes), bytes);
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
            ImportCards = new RosterImportCards(Renderer, RosterCards, Strings);
            Access = new AccessMessages(Common, Strings);
        }

        public CardRenderer Renderer { get; }

        public Localizer Strings { get; }

        public KnowledgeBase Knowledge { get; }

        public RosterCards RosterCards { get; }

        public RosterImportCards ImportCards { get; }

        public AccessMessages Access { get; }

        public CommonCards Common { get; }

        public CheckInCards CheckInCards { get; }

        public BriefCards BriefCards { get; }

        public KnowledgeCards KnowledgeCards { get; }

        public void Dispose() => Knowledge.Dispose();
    }
}
