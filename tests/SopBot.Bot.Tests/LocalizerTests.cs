using SopBot.Bot.Localization;
using SopBot.Domain;
using SopBot.Domain.CheckIns;

namespace SopBot.Bot.Tests;

public sealed class LocalizerTests
{
    private readonly Localizer _strings = new();

    [Fact]
    public void EnglishAndSpanish_HaveTheSameKeys()
    {
        Assert.Equal(_strings.EnglishKeys.Order(), _strings.SpanishKeys.Order());
    }

    [Fact]
    public void EveryCheckInProblem_HasAMessageInBothLanguages()
    {
        foreach (var problem in Enum.GetValues<CheckInProblem>())
        {
            Assert.False(string.IsNullOrWhiteSpace(_strings.Get(Language.English, "problem." + problem)));
            Assert.NotEqual(_strings.Get(Language.English, "problem." + problem), _strings.Get(Language.Spanish, "problem." + problem));
        }
    }

    [Fact]
    public void Format_ReplacesNamedPlaceholders()
    {
        var text = _strings.Format(Language.Spanish, "checkIn.progress", ("number", 7));

        Assert.Equal("7 de 15", text);
    }

    [Fact]
    public void FormatDate_UsesTheLanguage()
    {
        var date = new DateTimeOffset(2026, 12, 4, 15, 30, 0, TimeSpan.Zero);

        Assert.Equal("4 Dec 2026, 15:30 UTC", _strings.FormatDate(Language.English, date));
        Assert.Contains("dic", _strings.FormatDate(Language.Spanish, date));
    }

    [Fact]
    public void Get_UnknownKey_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => _strings.Get(Language.English, "no.such.key"));
    }
}
