using SopBot.Domain.Teams;

namespace SopBot.Domain.Tests;

public sealed class TeamLinkRulesTests
{
    private const string TeamId = "19:a1b2c3d4e5f6@thread.tacv2";
    private const string Reference = """{"conversation":{"id":"19:a1b2c3d4e5f6@thread.tacv2"},"serviceUrl":"https://smba.trafficmanager.net/amer/"}""";

    [Fact]
    public void Validate_TeamsIds_AreAccepted()
    {
        Assert.Null(TeamLinkRules.Validate(new TeamLinkRequest(TeamId, "19:channel@thread.skype", "BRA", Reference)));
        Assert.Null(TeamLinkRules.Validate(new TeamLinkRequest(TeamId, null, "BRA", Reference)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("team id")]
    [InlineData("team\nid")]
    [InlineData("équipe")]
    public void Validate_BadTeamId_IsInvalidTeamId(string teamId)
    {
        Assert.Equal(TeamLinkProblem.InvalidTeamId, TeamLinkRules.Validate(new TeamLinkRequest(teamId, null, "BRA", Reference)));
    }

    [Fact]
    public void Validate_LongTeamId_IsInvalidTeamId()
    {
        var request = new TeamLinkRequest(new string('1', TeamLinkRules.MaxIdLength + 1), null, "BRA", Reference);

        Assert.Equal(TeamLinkProblem.InvalidTeamId, TeamLinkRules.Validate(request));
    }

    [Fact]
    public void Validate_BadChannelId_IsInvalidChannelId()
    {
        Assert.Equal(TeamLinkProblem.InvalidChannelId, TeamLinkRules.Validate(new TeamLinkRequest(TeamId, "", "BRA", Reference)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"unclosed\":")]
    public void Validate_BadConversationReference_IsInvalid(string reference)
    {
        Assert.Equal(TeamLinkProblem.InvalidConversationReference, TeamLinkRules.Validate(new TeamLinkRequest(TeamId, null, "BRA", reference)));
    }

    [Fact]
    public void Validate_OversizedConversationReference_IsInvalid()
    {
        var reference = "{\"padding\":\"" + new string('x', TeamLinkRules.MaxConversationReferenceLength) + "\"}";

        Assert.Equal(TeamLinkProblem.InvalidConversationReference, TeamLinkRules.Validate(new TeamLinkRequest(TeamId, null, "BRA", reference)));
    }
}
