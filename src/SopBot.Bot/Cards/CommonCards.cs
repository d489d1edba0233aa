using SopBot.Bot.Localization;
using SopBot.Domain;

namespace SopBot.Bot.Cards;

/// <summary>Data bound into cards/welcome.json.</summary>
public sealed record WelcomeCardData(string Title, string Intro, IReadOnlyList<string> Points, string StartLabel, string HelpLabel);

/// <summary>Data bound into cards/help.json.</summary>
public sealed record HelpCardData(string Title, string Intro, IReadOnlyList<string> Commands, string LanguageNote, string StartLabel, string SummaryLabel);

/// <summary>Data bound into cards/message.json: a short notice with a way back into the check-in.</summary>
public sealed record MessageCardData(string Title, string Text, string Color, bool ShowStart, string StartLabel, string HelpLabel);

/// <summary>Builds the cards that do not belong to one capability: welcome, help and plain messages.</summary>
public sealed class CommonCards(CardRenderer renderer, Localizer strings)
{
    public string Welcome(Language language) =>
        renderer.Render("welcome", new WelcomeCardData(
            strings.Get(language, "welcome.title"),
            strings.Get(language, "welcome.intro"),
            [strings.Get(language, "welcome.checkIn"), strings.Get(language, "welcome.status"), strings.Get(language, "welcome.help")],
            strings.Get(language, "action.startCheckIn"),
            strings.Get(language, "action.help")));

    public string Help(Language language) =>
        renderer.Render("help", new HelpCardData(
            strings.Get(language, "help.title"),
            strings.Get(language, "help.intro"),
            [
                strings.Get(language, "help.command.checkIn"),
                strings.Get(language, "help.command.status"),
                strings.Get(language, "help.command.ask"),
                strings.Get(language, "help.command.talkingPoints"),
                strings.Get(language, "help.command.brief"),
                strings.Get(language, "help.command.help"),
            ],
            strings.Get(language, "help.language"),
            strings.Get(language, "action.startCheckIn"),
            strings.Get(language, "action.summary")));

    /// <summary>A notice card; <paramref name="isWarning"/> colors the title as an attention message.</summary>
    public string Message(Language language, string title, string text, bool isWarning, bool showStart) =>
        renderer.Render("message", new MessageCardData(
            title,
            text,
            isWarning ? "Attention" : "Default",
            showStart,
            strings.Get(language, "action.startCheckIn"),
            strings.Get(language, "action.help")));
}
