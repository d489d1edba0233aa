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
}

/// <summary>A typed command and the text after its keyword (the country of "brief Brazil").</summary>
public sealed record ParsedCommand(TextCommand Command, string Argument);

/// <summary>Recognizes the typed commands in English and Spanish, in any case, with or without accents.</summary>
public static class TextCommands
{
    private const int MaxCommandLength = 120;

    private static readonly Dictionary<string, TextCommand> Words = new(StringComparer.Ordinal)
    {
        ["check in"] = TextCommand.CheckIn,
        ["checkin"] = TextCommand.CheckIn,
        ["start"] = TextCommand.CheckIn,
        ["start check in"] = TextCommand.CheckIn,
        ["registrar"] = TextCommand.CheckIn,
        ["registrar avance"] = TextCommand.CheckIn,
        ["evaluar"] = TextCommand.CheckIn,
        ["status"] = TextCommand.Status,
        ["summary"] = TextCommand.Status,
        ["estado"] = TextCommand.Status,
        ["resumen"] = TextCommand.Status,
        ["help"] = TextCommand.Help,
        ["ayuda"] = TextCommand.Help,
        ["talking points"] = TextCommand.TalkingPoints,
        ["puntos de conversacion"] = TextCommand.TalkingPoints,
        ["puntos clave"] = TextCommand.TalkingPoints,
        ["brief"] = TextCommand.Brief,
        ["ficha"] = TextCommand.Brief,
    };

    /// <summary>Keywords that take the rest of the message as their argument.</summary>
    private static readonly string[] BriefPrefixes = ["brief ", "ficha "];

    /// <summary>Returns the command the text names, or <see cref="TextCommand.None"/> for anything else.</summary>
    public static TextCommand Parse(string? text) => ParseWithArgument(text).Command;

    public static ParsedCommand ParseWithArgument(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxCommandLength)
        {
            return new ParsedCommand(TextCommand.None, string.Empty);
        }

        var normalized = CountryCatalog.Normalize(text);
        if (Words.TryGetValue(normalized, out var command))
        {
            return new ParsedCommand(command, string.Empty);
        }

        // The argument is cut from the original text, so that "brief Haïti" keeps its accent for the reply.
        var trimmed = text.Trim();
        foreach (var prefix in BriefPrefixes)
        {
            if (normalized.StartsWith(prefix, StringComparison.Ordinal) && trimmed.Length > prefix.Length)
            {
                var argument = trimmed[(trimmed.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim();
                return new ParsedCommand(TextCommand.Brief, argument);
            }
        }

        return new ParsedCommand(TextCommand.None, string.Empty);
    }
}
