using SopBot.Bot.Commands;

namespace SopBot.Bot.Tests;

public sealed class CommandSuggesterTests
{
    [Theory]
    [InlineData("chek in", "check in")]
    [InlineData("Check inn", "check in")]
    [InlineData("hepl", "help")]
    [InlineData("statsu", "status")]
    [InlineData("evalar", "evaluar")]
    [InlineData("rostr", "roster")]
    [InlineData("rostr brazil", "roster brazil")]
    [InlineData("breif Brazil", "brief brazil")]
    public void Suggest_NearMiss_ReturnsClosestAllowedCommand(string text, string expected)
    {
        Assert.True(CommandSuggester.LooksLikeCommand(text));
        Assert.Equal(expected, CommandSuggester.Suggest(text, TestPrincipals.UnctMemberAndSecretariat));
    }

    [Theory]
    [InlineData("rostr")]
    [InlineData("import rostr")]
    [InlineData("link tem Brazil")]
    public void Suggest_CommandTheCallerMayNotUse_ReturnsNothing(string text)
    {
        Assert.True(CommandSuggester.LooksLikeCommand(text));
        Assert.Null(CommandSuggester.Suggest(text, TestPrincipals.NoRole));
    }

    [Fact]
    public void Suggest_SecretariatCommand_NeedsTheRole()
    {
        Assert.Null(CommandSuggester.Suggest("import rostr", TestPrincipals.UnctMemberInBrazil));
        Assert.Equal("import roster", CommandSuggester.Suggest("import rostr", TestPrincipals.Secretariat));
    }

    [Theory]
    [InlineData("check in")]
    [InlineData("what is element 7?")]
    [InlineData("who chairs the OMT")]
    [InlineData("hello")]
    [InlineData("OMT")]
    [InlineData("pillars")]
    [InlineData("chek in please for Argentina and Brazil today")]
    [InlineData("")]
    [InlineData(null)]
    public void Suggest_QuestionOrExactCommand_ReturnsNothing(string? text)
    {
        Assert.False(CommandSuggester.LooksLikeCommand(text));
        Assert.Null(CommandSuggester.Suggest(text, TestPrincipals.Administrator));
    }

    [Theory]
    [InlineData("help", "help", 0)]
    [InlineData("hepl", "help", 1)]
    [InlineData("chek in", "check in", 1)]
    [InlineData("roster", "rooster", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("ca", "abc", 3)]
    public void OptimalStringAlignment_CountsSwapsAsOneEdit(string source, string target, int expected)
    {
        Assert.Equal(expected, CommandSuggester.OptimalStringAlignment(source, target));
    }
}
