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
}
