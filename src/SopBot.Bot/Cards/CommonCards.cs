using SopBot.Bot.Commands;
using SopBot.Bot.Localization;
using SopBot.Domain;
using SopBot.Domain.Countries;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Cards;

/// <summary>Data bound into cards/welcome.json.</summary>
public sealed record WelcomeCardData(string Title, string Intro, IReadOnlyList<string> Points, string StartLabel, string HelpLabel);

/// <summary>Data bound into cards/help.json.</summary>
public sealed record HelpCardData(
    string Title,
    string Intro,
    IReadOnlyList<string> Commands,
    string LanguageNote,
    bool ShowStart,
    string StartLabel,
    bool ShowSummary,
    string SummaryLabel);

/// <summary>Data bound into cards/message.json: a short notice with a way back into the check-in.</summary>
public sealed record MessageCardData(string Title, string Text, string Color, bool ShowStart, string StartLabel, string HelpLabel);

/// <summary>Builds the cards that do not belong to one capability: welcome, help and plain messages.</summary>
public sealed class CommonCards(CardRenderer renderer, Localizer strings)
{
    /// <summary>The order of the help card's lines; <see cref="TextCommand.None"/> stands for asking a question.</summary>
    private static readonly TextCommand[] HelpOrder =
    [
        TextCommand.CheckIn, TextCommand.Status, TextCommand.None, TextCommand.TalkingPoints, TextCommand.Brief,
        TextCommand.Roster, TextCommand.AddMember, TextCommand.ImportRoster, TextCommand.ExportRoster,
        TextCommand.LinkTeam, TextCommand.UnlinkTeam, TextCommand.TeamMembers, TextCommand.Help,
    ];

    /// <summary>The welcome card. In a team it adds how the Secretariat links the team to its country.</summary>
    public string Welcome(Language language, bool inTeam = false)
    {
        List<string> points = [strings.Get(language, "welcome.checkIn"), strings.Get(language, "welcome.status"), strings.Get(language, "welcome.help")];
        if (inTeam)
        {
            points.Add(strings.Get(language, "welcome.linkTeam"));
        }

        return renderer.Render("welcome", new WelcomeCardData(
            strings.Get(language, "welcome.title"),
            strings.Get(language, "welcome.intro"),
            points,
            strings.Get(language, "action.startCheckIn"),
            strings.Get(language, "action.help")));
    }

    /// <summary>The help card: only the commands the caller may use, as the Authorizer decides from their roles.</summary>
    public string Help(Language language, Principal principal)
    {
        var allowed = CommandPermissions.AllowedCommands(principal);
        var lines = new List<string>();
        foreach (var command in HelpOrder)
        {
            if (command == TextCommand.None ? CommandPermissions.IsAllowed(principal, TextCommand.None) : allowed.Contains(command))
            {
                lines.Add(strings.Get(language, HelpKey(command)));
            }
        }

        return renderer.Render("help", new HelpCardData(
            strings.Get(language, "help.title"),
            strings.Get(language, "help.intro"),
            lines,
            strings.Get(language, "help.language"),
            allowed.Contains(TextCommand.CheckIn),
            strings.Get(language, "action.startCheckIn"),
            allowed.Contains(TextCommand.Status),
            strings.Get(language, "action.summary")));
    }

    /// <summary>The help line's string key of a command; <see cref="TextCommand.None"/> is asking a question.</summary>
    public static string HelpKey(TextCommand command) => command switch
    {
        TextCommand.None => "help.command.ask",
        _ => "help.command." + char.ToLowerInvariant(command.ToString()[0]) + command.ToString()[1..],
    };

    /// <summary>Returns "I don't know the country …", with the closest country names when some are close.</summary>
    public string UnknownCountryText(string typed, Language language)
    {
        var text = strings.Format(language, "brief.unknownCountry", ("typed", Roster.RosterCards.Shorten(typed, 60)));
        var suggestions = CountryCatalog.Suggest(typed);
        return suggestions.Count == 0
            ? text
            : text + " " + strings.Format(language, "brief.suggestions", ("names", string.Join(", ", suggestions.Select(country => country.Name(language)))));
    }

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
