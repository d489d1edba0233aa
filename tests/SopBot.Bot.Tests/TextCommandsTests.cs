using SopBot.Bot.Commands;

namespace SopBot.Bot.Tests;

public sealed class TextCommandsTests
{
    [Theory]
    [InlineData("check in", TextCommand.CheckIn)]
    [InlineData("Check-in", TextCommand.CheckIn)]
    [InlineData("CHECK IN ", TextCommand.CheckIn)]
    [InlineData("checkin", TextCommand.CheckIn)]
    [InlineData("start", TextCommand.CheckIn)]
    [InlineData("Start check-in", TextCommand.CheckIn)]
    [InlineData("evaluar", TextCommand.CheckIn)]
    [InlineData("Registrar avance", TextCommand.CheckIn)]
    [InlineData("status", TextCommand.Status)]
    [InlineData("Estado", TextCommand.Status)]
    [InlineData("resumen", TextCommand.Status)]
    [InlineData("help", TextCommand.Help)]
    [InlineData("Ayuda", TextCommand.Help)]
    [InlineData("help!", TextCommand.Help)]
    [InlineData("roster", TextCommand.Roster)]
    [InlineData("Miembros", TextCommand.Roster)]
    [InlineData("add member", TextCommand.AddMember)]
    [InlineData("Añadir miembro", TextCommand.AddMember)]
    [InlineData("import roster", TextCommand.ImportRoster)]
    [InlineData("importar miembros", TextCommand.ImportRoster)]
    [InlineData("export roster", TextCommand.ExportRoster)]
    [InlineData("unlink team", TextCommand.UnlinkTeam)]
    [InlineData("team members", TextCommand.TeamMembers)]
    [InlineData("miembros del equipo", TextCommand.TeamMembers)]
    public void Parse_KnownCommand_IsRecognized(string text, TextCommand expected)
    {
        Assert.Equal(expected, TextCommands.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("what is element 7?")]
    [InlineData("check in please for Argentina")]
    [InlineData("title:(a OR b)~")]
    public void Parse_OtherText_IsNoCommand(string? text)
    {
        Assert.Equal(TextCommand.None, TextCommands.Parse(text));
    }

    [Theory]
    [InlineData("link team Brazil", TextCommand.LinkTeam, "Brazil")]
    [InlineData("Link  Team   Haïti", TextCommand.LinkTeam, "Haïti")]
    [InlineData("vincular equipo República Dominicana", TextCommand.LinkTeam, "República Dominicana")]
    [InlineData("roster Argentina", TextCommand.Roster, "Argentina")]
    [InlineData("miembros Brasil", TextCommand.Roster, "Brasil")]
    [InlineData("brief Haïti", TextCommand.Brief, "Haïti")]
    [InlineData("link-team Chile", TextCommand.LinkTeam, "chile")]
    public void ParseWithArgument_KeepsTheTypedArgument(string text, TextCommand command, string argument)
    {
        var parsed = TextCommands.ParseWithArgument(text);

        Assert.Equal(command, parsed.Command);
        Assert.Equal(argument, parsed.Argument);
    }

    [Fact]
    public void Keywords_AreNormalizedAndUnique()
    {
        Assert.Equal(TextCommands.Keywords.Count, TextCommands.Keywords.Select(keyword => keyword.Text).Distinct().Count());
        Assert.All(TextCommands.Keywords, keyword => Assert.Equal(Domain.Countries.CountryCatalog.Normalize(keyword.Text), keyword.Text));
    }
}
