using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Newtonsoft.Json.Linq;
using SopBot.Bot.Briefs;
using SopBot.Bot.Hosting;
using SopBot.Bot.Knowledge;
using SopBot.Bot.Roster;
using SopBot.Bot.TeamLinks;
using SopBot.Bot.Teams;
using SopBot.Domain;
using SopBot.Domain.Briefs;
using SopBot.Domain.CheckIns;
using SopBot.Domain.Knowledge;
using SopBot.Domain.Roster;
using SopBot.Domain.Teams;

namespace SopBot.Bot.Tests;

/// <summary>The activity handler's routing with a mocked turn context and mocked stores.</summary>
public sealed class ActivityHandlerTests : IClassFixture<CardRenderingTests.Services>
{
    private readonly Mock<IRosterManagementStore> _roster = new();
    private readonly Mock<ITeamLinkStore> _teamLinks = new();
    private readonly Mock<ICheckInStore> _answers = new();
    private readonly Mock<ICheckInProgressStore> _progress = new();
    private readonly Mock<IIdempotencyStore> _claims = new();
    private readonly Mock<IFeedbackStore> _feedback = new();
    private readonly List<IActivity> _sent = [];
    private readonly SopBotActivityHandler _handler;

    public ActivityHandlerTests(CardRenderingTests.Services services)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero));
        var strings = new Localization.Localizer();
        _roster.Setup(store => store.FindAsync("aad-ana", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RosterMember("aad-ana", "Ana", "BRA", Role.UnctMember));
        _answers.Setup(store => store.GetAnswersAsync(It.IsAny<string>(), It.IsAny<Quarter>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([]);
        _claims.Setup(store => store.TryClaimAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);

        var botOptions = Options.Create(new BotOptions { AllowInsecureAnonymousLocalMode = true });
        var authorization = new TeamsAuthorization(Options.Create(new AuthorizationOptions { AllowedTenantIds = ["tenant-1"] }), botOptions, _roster.Object);
        var checkIns = new CheckInService(_roster.Object, _answers.Object, _progress.Object, authorization.Authorizer, clock);
        var knowledge = new KnowledgeResponder(
            services.Knowledge, services.KnowledgeCards, services.Common, _feedback.Object, strings, clock, NullLogger<KnowledgeResponder>.Instance);
        var briefs = new BriefResponder(
            new BriefService(_answers.Object, clock), services.BriefCards, services.Common, strings, NullLogger<BriefResponder>.Instance);
        var roster = new RosterResponder(
            _roster.Object, services.RosterCards, services.Common, services.Access, strings, NullLogger<RosterResponder>.Instance);
        var downloader = new RosterFileDownloader(Mock.Of<IHttpClientFactory>(), botOptions, NullLogger<RosterFileDownloader>.Instance);
        var responders = new SopBotResponders(
            knowledge,
            briefs,
            roster,
            new RosterImportResponder(
                _roster.Object, downloader, roster, services.ImportCards, services.Common, services.Access, strings,
                NullLogger<RosterImportResponder>.Instance),
            new RosterExportResponder(_roster.Object, services.Renderer, services.Access, services.Common, strings, NullLogger<RosterExportResponder>.Instance),
            new TeamLinkResponder(
                _teamLinks.Object, _roster.Object, new TeamMemberDirectory(), services.Renderer, services.Common, services.Access, strings,
                NullLogger<TeamLinkResponder>.Instance));
        _handler = new SopBotActivityHandler(
            checkIns, responders, services.CheckInCards, services.Common, services.Access, authorization, strings, _claims.Object,
            NullLogger<SopBotActivityHandler>.Instance);
    }

    [Fact]
    public async Task CheckInMessage_SendsFirstElementAndStoresPosition()
    {
        await _handler.OnTurnAsync(TurnContext(Message("aad-ana", "check in")));

        var card = Assert.Single(SentCards());
        Assert.Contains("1 of 15", card.ToJsonString());
        _progress.Verify(store => store.SaveAsync(It.Is<CheckInProgress>(progress => progress.Position == 1), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RedeliveredMessage_IsNotAnsweredAgain()
    {
        _claims.Setup(store => store.TryClaimAsync("message", It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        await _handler.OnTurnAsync(TurnContext(Message("aad-ana", "check in")));

        Assert.Empty(_sent);
        _progress.Verify(store => store.SaveAsync(It.IsAny<CheckInProgress>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task MemberNotOnRoster_GetsRosterMessageAndNothingStored()
    {
        await _handler.OnTurnAsync(TurnContext(Message("aad-nobody", "check in")));

        Assert.Contains("not on the SopBot roster", Assert.Single(SentCards()).ToJsonString());
        _progress.Verify(store => store.SaveAsync(It.IsAny<CheckInProgress>(), It.IsAny<CancellationToken>()), Times.Never);
        _answers.Verify(
            store => store.SaveAnswerAsync(It.IsAny<string>(), It.IsAny<Quarter>(), It.IsAny<int>(), It.IsAny<AnswerInput>(), It.IsAny<Caller>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()),
            Times.Never);
    }

    [Fact]
    public async Task QuestionMessage_GetsKnowledgeAnswer()
    {
        await _handler.OnTurnAsync(TurnContext(Message("aad-ana", "What does CBF stand for?")));

        Assert.Contains("Common Budgetary Framework", Assert.Single(SentCards()).ToJsonString());
    }

    [Fact]
    public async Task UnknownActivityType_SendsNothing()
    {
        var activity = Message("aad-ana", "ignored");
        activity.Type = "somethingNew";

        await _handler.OnTurnAsync(TurnContext(activity));

        Assert.Empty(_sent);
    }

    [Fact]
    public async Task ForgedRoleChange_ByUnctMember_SkipsStore()
    {
        var data = JObject.FromObject(new { aadObjectId = "aad-luis", displayName = "Luis", country = "BRA", roles = "administrator" });

        await _handler.OnTurnAsync(TurnContext(Invoke("aad-ana", "roster.change", data)));

        Assert.Contains("Only the UNDG LAC Secretariat", InvokeCard().ToJsonString());
        _roster.Verify(store => store.ChangeMemberAsync(It.IsAny<RosterMember>(), It.IsAny<Principal>(), It.IsAny<CancellationToken>()), Times.Never);
        _roster.Verify(store => store.FindAsync("aad-luis", It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task CardClaimingARole_GrantsNothing()
    {
        var data = JObject.FromObject(new { filterCountry = "", filterRole = "", token = "", page = 1, role = "administrator" });

        await _handler.OnTurnAsync(TurnContext(Invoke("aad-ana", "roster.list", data)));

        Assert.Contains("the field \"role\" is not one this action accepts", AllText(InvokeCard()));
        _roster.Verify(store => store.ListAsync(It.IsAny<RosterQuery>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ImportPreview_ByUnctMember_SkipsStore()
    {
        var data = JObject.FromObject(new { csv = "aadObjectId,displayName,countryIso3,role\naad-ana,Ana,BRA,administrator\n" });

        await _handler.OnTurnAsync(TurnContext(Invoke("aad-ana", "roster.import.preview", data)));

        Assert.Contains("can import the roster", InvokeCard().ToJsonString());
        _roster.Verify(store => store.PreviewImportAsync(It.IsAny<RosterParseResult>(), It.IsAny<Principal>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task OtherTenantMessage_SkipsStorage()
    {
        var activity = Message("aad-ana", "check in");
        activity.Conversation.TenantId = "11111111-2222-3333-4444-555555555555";

        await _handler.OnTurnAsync(TurnContext(activity));

        Assert.Contains("not available to your organization", Assert.Single(SentCards()).ToJsonString());
        _claims.Verify(store => store.TryClaimAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _roster.Verify(store => store.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _progress.Verify(store => store.SaveAsync(It.IsAny<CheckInProgress>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task LinkTeam_ByUnctMember_SkipsStore()
    {
        var activity = Message("aad-ana", "link team Brazil");
        activity.ChannelData = JObject.FromObject(new { team = new { id = "19:team@thread.tacv2" }, tenant = new { id = "tenant-1" } });

        await _handler.OnTurnAsync(TurnContext(activity));

        Assert.Contains("can link a team to a country", Assert.Single(SentCards()).ToJsonString());
        _teamLinks.Verify(store => store.LinkAsync(It.IsAny<TeamLinkRequest>(), It.IsAny<Principal>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static string AllText(JsonNode? node) => node switch
    {
        JsonObject obj => string.Join("\n", obj.Select(property => AllText(property.Value))),
        JsonArray array => string.Join("\n", array.Select(AllText)),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => string.Empty,
    };

    private JsonObject InvokeCard()
    {
        var response = (InvokeResponse)_sent.OfType<Activity>().Single(activity => activity.Type == ActivityTypesEx.InvokeResponse).Value;
        var body = (AdaptiveCardInvokeResponse)response.Body;
        return JsonNode.Parse(((JObject)body.Value).ToString())!.AsObject();
    }

    private static Activity Invoke(string aadObjectId, string verb, JObject data)
    {
        var activity = Message(aadObjectId, string.Empty);
        activity.Type = ActivityTypes.Invoke;
        activity.Text = null;
        activity.Name = "adaptiveCard/action";
        activity.Value = JObject.FromObject(new { action = new { type = "Action.Execute", verb, data }, trigger = "manual" });
        return activity;
    }

    private ITurnContext TurnContext(Activity activity)
    {
        var context = new Mock<ITurnContext>();
        context.SetupGet(turn => turn.Activity).Returns(activity);
        context.SetupGet(turn => turn.TurnState).Returns(new TurnContextStateCollection());
        context.Setup(turn => turn.SendActivityAsync(It.IsAny<IActivity>(), It.IsAny<CancellationToken>()))
            .Callback<IActivity, CancellationToken>((sent, _) => _sent.Add(sent))
            .ReturnsAsync(new ResourceResponse("sent"));
        return context.Object;
    }

    private IEnumerable<JsonObject> SentCards() =>
        _sent.OfType<IMessageActivity>()
            .SelectMany(message => message.Attachments ?? [])
            .Select(attachment => JsonNode.Parse(((JObject)attachment.Content).ToString())!.AsObject());

    private static Activity Message(string aadObjectId, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        Text = text,
        Locale = "en-US",
        ChannelId = "msteams",
        From = new ChannelAccount("29:user", "User", aadObjectId: aadObjectId),
        Recipient = new ChannelAccount("28:bot", "SopBot"),
        Conversation = new ConversationAccount(id: "a:conversation", tenantId: "tenant-1"),
    };
}
