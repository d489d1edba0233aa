using Microsoft.Extensions.Time.Testing;
using SopBot.Domain.CheckIns;
using SopBot.Domain.Roster;
using SopBot.Domain.Sop;

namespace SopBot.Domain.Tests;

public sealed class CheckInServiceTests
{
    private static readonly Caller Ana = new("aad-ana", "Ana", "tenant");
    private static readonly Caller Luis = new("aad-luis", "Luis", "tenant");
    private static readonly Caller Stranger = new("aad-stranger", "Stranger", "tenant");
    private static readonly Caller Regional = new("aad-regional", "Regional", "tenant");
    private static readonly Caller SecretariatInBrazil = new("aad-secretariat-bra", "Secretariat", "tenant");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero));
    private readonly InMemoryCheckIns _answers;
    private readonly InMemoryProgress _progress = new();
    private readonly CheckInService _service;

    public CheckInServiceTests()
    {
        _answers = new InMemoryCheckIns(_clock);
        var roster = new InMemoryRoster(
            new RosterMember(Ana.AadObjectId, "Ana", "BRA", Role.UnctMember),
            new RosterMember(Luis.AadObjectId, "Luis", "BRA", Role.UnctMember),
            new RosterMember(Regional.AadObjectId, "Regional", null, Role.Secretariat),
            new RosterMember(SecretariatInBrazil.AadObjectId, "Secretariat", "BRA", Role.Secretariat));
        var authorizer = new Authorizer(new AuthorizationOptions { AllowedTenantIds = ["tenant"] });
        _service = new CheckInService(roster, _answers, _progress, authorizer, _clock);
    }

    [Fact]
    public async Task Start_NewCheckIn_ShowsElementOne()
    {
        var screen = await _service.StartAsync(Ana, default);

        var card = Assert.IsType<CheckInScreen.ElementCard>(screen);
        Assert.Equal(1, card.Element.Number);
        Assert.Equal("BRA", card.Context.Country.Iso3);
        Assert.Equal("2026-Q4", card.Context.Quarter.ToString());
        Assert.Null(card.Current);
        Assert.Equal(1, _progress.Positions[Ana.AadObjectId].Position);
    }

    [Fact]
    public async Task Start_NotOnRoster_IsRejected()
    {
        var screen = await _service.StartAsync(Stranger, default);

        var rejected = Assert.IsType<CheckInScreen.Rejected>(screen);
        Assert.Equal(CheckInProblem.NotOnRoster, rejected.Problem);
        Assert.Empty(_progress.Positions);
    }

    [Fact]
    public async Task Start_CountryWithoutUnctRole_IsRejected()
    {
        var screen = await _service.StartAsync(SecretariatInBrazil, default);

        Assert.Equal(CheckInProblem.NotUnctMember, Assert.IsType<CheckInScreen.Rejected>(screen).Problem);
        Assert.Empty(_progress.Positions);
    }

    [Fact]
    public async Task Start_FromOtherTenant_IsRejectedAsNotOnRoster()
    {
        var screen = await _service.StartAsync(Ana with { TenantId = "other-tenant" }, default);

        Assert.Equal(CheckInProblem.NotOnRoster, Assert.IsType<CheckInScreen.Rejected>(screen).Problem);
        Assert.Empty(_progress.Positions);
    }

    [Fact]
    public async Task Start_MemberWithoutCountry_IsRejected()
    {
        var screen = await _service.StartAsync(Regional, default);

        Assert.Equal(CheckInProblem.NoCountry, Assert.IsType<CheckInScreen.Rejected>(screen).Problem);
    }

    [Fact]
    public async Task Save_StoresAnswerAndShowsNextElement()
    {
        var screen = await _service.HandleAsync(Ana, Save(1, "achieved", "Steering committee met in March"), default);

        var card = Assert.IsType<CheckInScreen.ElementCard>(screen);
        Assert.Equal(2, card.Element.Number);
        var stored = Assert.Single(await _answers.GetAnswersAsync("BRA", new Quarter(2026, 4), default));
        Assert.Equal(ElementStatus.Achieved, stored.Status);
        Assert.Equal("Steering committee met in March", stored.Input.Note);
        Assert.Equal("aad-ana", stored.AnsweredById);
    }

    [Fact]
    public async Task Save_LastElement_ShowsSummary()
    {
        var screen = await _service.HandleAsync(Ana, Save(15, "inProgress", ""), default);

        var summary = Assert.IsType<CheckInScreen.Summary>(screen);
        Assert.Equal(1, summary.Answers.AnsweredCount);
        Assert.Equal(1, summary.Answers.Pillars.Single(pillar => pillar.Pillar == SopCatalog.CommunicatingAsOne).InProgress);
    }

    [Fact]
    public async Task Start_AfterSomeAnswers_ResumesAtFirstUnanswered()
    {
        await _service.HandleAsync(Ana, Save(1, "achieved", ""), default);
        await _service.HandleAsync(Ana, Save(2, "achieved", ""), default);
        await _service.HandleAsync(Ana, Save(4, "notStarted", ""), default);

        var screen = await _service.StartAsync(Luis, default);

        Assert.Equal(3, Assert.IsType<CheckInScreen.ElementCard>(screen).Element.Number);
    }

    [Fact]
    public async Task Start_AllAnswered_ShowsSummary()
    {
        for (var number = 1; number <= 15; number++)
        {
            await _service.HandleAsync(Ana, Save(number, "achieved", ""), default);
        }

        var screen = await _service.StartAsync(Ana, default);

        Assert.Equal(15, Assert.IsType<CheckInScreen.Summary>(screen).Answers.AnsweredCount);
    }

    [Theory]
    [InlineData(CheckInAction.Back, 5, 4)]
    [InlineData(CheckInAction.Back, 1, 1)]
    [InlineData(CheckInAction.Skip, 5, 6)]
    [InlineData(CheckInAction.Open, 9, 9)]
    public async Task Navigation_MovesWithoutSaving(CheckInAction action, int from, int expected)
    {
        var screen = await _service.HandleAsync(Ana, Request(action, from.ToString()), default);

        Assert.Equal(expected, Assert.IsType<CheckInScreen.ElementCard>(screen).Element.Number);
        Assert.Equal(0, _answers.SaveCalls);
    }

    [Fact]
    public async Task Skip_LastElement_ShowsSummary()
    {
        var screen = await _service.HandleAsync(Ana, Request(CheckInAction.Skip, "15"), default);

        Assert.IsType<CheckInScreen.Summary>(screen);
    }

    [Fact]
    public async Task Pause_StoresPositionAndReportsIt()
    {
        var screen = await _service.HandleAsync(Ana, Request(CheckInAction.Pause, "7"), default);

        var paused = Assert.IsType<CheckInScreen.Paused>(screen);
        Assert.Equal(7, paused.Position);
        Assert.Equal(7, _progress.Positions[Ana.AadObjectId].Position);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("16")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1e3")]
    public async Task Save_UnknownElement_IsRejectedAndNothingStored(string? element)
    {
        var screen = await _service.HandleAsync(Ana, Save(1, "achieved", "") with { Element = element }, default);

        Assert.Equal(CheckInProblem.UnknownElement, Assert.IsType<CheckInScreen.Rejected>(screen).Problem);
        Assert.Equal(0, _answers.SaveCalls);
    }

    [Theory]
    [InlineData("done")]
    [InlineData("Achieved")]
    [InlineData("4")]
    public async Task Save_UnknownStatus_IsRejectedAndNothingStored(string status)
    {
        var screen = await _service.HandleAsync(Ana, Save(3, status, ""), default);

        Assert.Equal(CheckInProblem.UnknownStatus, Assert.IsType<CheckInScreen.Rejected>(screen).Problem);
        Assert.Equal(0, _answers.SaveCalls);
    }

    [Fact]
    public async Task Save_NoStatus_AsksForOneOnTheSameCard()
    {
        var screen = await _service.HandleAsync(Ana, Save(3, "", "a note"), default);

        var card = Assert.IsType<CheckInScreen.ElementCard>(screen);
        Assert.Equal(3, card.Element.Number);
        Assert.Equal(CheckInProblem.MissingStatus, card.Problem);
        Assert.Equal(0, _answers.SaveCalls);
    }

    [Fact]
    public async Task Save_NotApplicableWithoutReason_KeepsDraftAndStoresNothing()
    {
        var screen = await _service.HandleAsync(Ana, Save(8, "notApplicable", "   "), default);

        var card = Assert.IsType<CheckInScreen.ElementCard>(screen);
        Assert.Equal(CheckInProblem.ReasonRequired, card.Problem);
        Assert.Equal(ElementStatus.NotApplicable, card.Draft?.Status);
        Assert.Equal(0, _answers.SaveCalls);
    }

    [Fact]
    public async Task Save_NoteOf50000Characters_IsRejectedWithoutEcho()
    {
        var screen = await _service.HandleAsync(Ana, Save(2, "achieved", new string('x', 50_000)), default);

        var card = Assert.IsType<CheckInScreen.ElementCard>(screen);
        Assert.Equal(CheckInProblem.NoteTooLong, card.Problem);
        Assert.Null(card.Draft);
        Assert.Equal(0, _answers.SaveCalls);
    }

    [Fact]
    public async Task Save_AnotherCountry_IsRejected()
    {
        var screen = await _service.HandleAsync(Ana, Save(1, "achieved", "") with { CountryIso3 = "ARG" }, default);

        Assert.Equal(CheckInProblem.WrongCountry, Assert.IsType<CheckInScreen.Rejected>(screen).Problem);
        Assert.Equal(0, _answers.SaveCalls);
    }

    [Theory]
    [InlineData("2026-Q3")]
    [InlineData("2027-Q1")]
    [InlineData("Q4")]
    [InlineData(null)]
    public async Task Save_OtherQuarter_IsRejected(string? quarter)
    {
        var screen = await _service.HandleAsync(Ana, Save(1, "achieved", "") with { Quarter = quarter }, default);

        Assert.Equal(CheckInProblem.ClosedQuarter, Assert.IsType<CheckInScreen.Rejected>(screen).Problem);
        Assert.Equal(0, _answers.SaveCalls);
    }

    [Fact]
    public async Task Save_StaleVersion_ShowsOtherMembersAnswer()
    {
        await _service.HandleAsync(Luis, Save(5, "inProgress", "Luis was first"), default);

        var screen = await _service.HandleAsync(Ana, Save(5, "achieved", "Ana saw an empty card"), default);

        var card = Assert.IsType<CheckInScreen.ElementCard>(screen);
        Assert.Equal(5, card.Element.Number);
        Assert.Equal(CheckInNotice.AnsweredByOther, card.Notice);
        Assert.Equal("Luis was first", card.Current?.Input.Note);
        var stored = Assert.Single(await _answers.GetAnswersAsync("BRA", new Quarter(2026, 4), default));
        Assert.Equal("aad-luis", stored.AnsweredById);
    }

    [Fact]
    public async Task Save_WithCurrentVersion_ReplacesAnswer()
    {
        await _service.HandleAsync(Luis, Save(5, "inProgress", "first"), default);
        var version = (await _answers.GetAnswersAsync("BRA", new Quarter(2026, 4), default)).Single().Version;

        await _service.HandleAsync(Ana, Save(5, "achieved", "second") with { Version = version }, default);

        var stored = Assert.Single(await _answers.GetAnswersAsync("BRA", new Quarter(2026, 4), default));
        Assert.Equal(ElementStatus.Achieved, stored.Status);
        Assert.Equal(2, _answers.History.Count);
        Assert.Equal(ElementStatus.InProgress, _answers.History[1].Before?.Status);
    }

    [Fact]
    public async Task Quarter_FollowsTheClock()
    {
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 2, 0, 0, 0, TimeSpan.Zero));

        var screen = await _service.StartAsync(Ana, default);

        Assert.Equal("2027-Q1", Assert.IsType<CheckInScreen.ElementCard>(screen).Context.Quarter.ToString());
    }

    private static CheckInRequest Save(int element, string status, string note) =>
        new(CheckInAction.Save, element.ToString(), "BRA", "2026-Q4", null, status, note, "", "", "");

    private static CheckInRequest Request(CheckInAction action, string element) =>
        new(action, element, "BRA", "2026-Q4", null, null, null, null, null, null);
}
