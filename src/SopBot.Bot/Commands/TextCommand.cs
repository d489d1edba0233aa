using SopBot.Domain.Countries;

namespace SopBot.Bot.Commands;

public enum TextCommand
{
    /// <summary>Not a command: the text is a question for the knowledge base.</summary>
    None,
    CheckIn,
    Status,
    Help,
    TalkingPoints,
    Brief,
    Roster,
    AddMember,
    ImportRoster,
    ExportRoster,
    LinkTeam,
    UnlinkTeam,
    TeamMembers,
}

/// <summary>A typed command and the text after its keyword (the country of "brief Brazil").</summary>
public sealed record ParsedCommand(TextCommand Command, string Argument);

/// <summary>One way of typing a command, in normalized form (see <see cref="CountryCatalog.Normalize"/>).</summary>
/// <param name="TakesArgument">True when text may follow the keyword, as the country follows "brief".</param>
public sealed record CommandKeyword(string Text, TextCommand Command, bool TakesArgument);

/// <summary>Recognizes the typed commands in English and Spanish, in any case, with or without accents.</summary>
public static class TextCommands
{
    private const int MaxCommandLength = 120;

    /// <summary>Every keyword, English and Spanish; normalized, so "añadir" is written "anadir".</summary>
    public static IReadOnlyList<CommandKeyword> Keywords { get; } =
    [
        new("check in", TextCommand.CheckIn, false),
        new("checkin", TextCommand.CheckIn, false),
        new("start", TextCommand.CheckIn, false),
        new("start check in", TextCommand.CheckIn, false),
        new("registrar", TextCommand.CheckIn, false),
        new("registrar avance", TextCommand.CheckIn, false),
        new("evaluar", TextCommand.CheckIn, false),
        new("status", TextCommand.Status, false),
        new("summary", TextCommand.Status, false),
        new("estado", TextCommand.Status, false),
        new("resumen", TextCommand.Status, false),
        new("help", TextCommand.Help, false),
        new("ayuda", TextCommand.Help, false),
        new("talking points", TextCommand.TalkingPoints, false),
        new("puntos de conversacion", TextCommand.TalkingPoints, false),
        new("puntos clave", TextCommand.TalkingPoints, false),
        new("brief", TextCommand.Brief, true),
        new("ficha", TextCommand.Brief, true),
        new("roster", TextCommand.Roster, true),
        new("miembros", TextCommand.Roster, true),
        new("add member", TextCommand.AddMember, false),
        new("agregar miembro", TextCommand.AddMember, false),
        new("anadir miembro", TextCommand.AddMember, false),
        new("import roster", TextCommand.ImportRoster, false),
        new("importar miembros", TextCommand.ImportRoster, false),
        new("export roster", TextCommand.ExportRoster, false),
        new("exportar miembros", TextCommand.ExportRoster, false),
        new("link team", TextCommand.LinkTeam, true),
        new("vincular equipo", TextCommand.LinkTeam, true),
        new("unlink team", TextCommand.UnlinkTeam, false),
        new("desvincular equipo", TextCommand.UnlinkTeam, false),
        new("team members", TextCommand.TeamMembers, false),
        new("miembros del equipo", TextCommand.TeamMembers, false),
    ];

    /// <summary>Returns the command the text names, or <see cref="TextCommand.None"/> for anything else.</summary>
    public static TextCommand Parse(string? text) => ParseWithArgument(text).Command;

    public static ParsedCommand ParseWithArgument(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxCommandLength)
        {
            return new ParsedCommand(TextCommand.None, string.Empty);
        }

        var normalized = CountryCatalog.Normalize(text);
        var exact = Keywords.FirstOrDefault(keyword => keyword.Text == normalized);
        if (exact is not null)
        {
            return new ParsedCommand(exact.Command, string.Empty);
        }

        // The longest keyword wins, so that "miembros del equipo" is not read as "miembros" with an argument.
        var prefixed = Keywords
            .Where(keyword => keyword.TakesArgument && normalized.StartsWith(keyword.Text + " ", StringComparison.Ordinal))
            .MaxBy(keyword => keyword.Text.Length);
        return prefixed is null
            ? new ParsedCommand(TextCommand.None, string.Empty)
            : new ParsedCommand(prefixed.Command, ArgumentAfter(text, prefixed.Text));
    }

    /// <summary>
    /// Returns the text after the keyword's words, cut from the original text so that "brief
    /// Haïti" keeps its accent for the reply. When the words do not line up, returns the rest of the normalized text.
    /// </summary>
    public static string ArgumentAfter(string text, string keyword)
    {
        var keywordWords = keyword.Split(' ').Length;
        var words = text.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > keywordWords && CountryCatalog.Normalize(string.Join(' ', words[..keywordWords])) == keyword)
        {
            return string.Join(' ', words[keywordWords..]);
        }

        var normalized = CountryCatalog.Normalize(text);
        return normalized.Length > keyword.Length ? normalized[(keyword.Length + 1)..] : string.Empty;
    }
}
