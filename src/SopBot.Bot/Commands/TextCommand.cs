using SopBot.Domain.Countries;

namespace SopBot.Bot.Commands;

public enum TextCommand
{
    None,
    CheckIn,
    Status,
    Help,
}

/// <summary>Recognizes the typed commands in English and Spanish, in any case, with or without accents.</summary>
public static class TextCommands
{
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
    };

    /// <summary>Returns the command the text names, or <see cref="TextCommand.None"/> for anything else.</summary>
    public static TextCommand Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return TextCommand.None;
        }

        var normalized = CountryCatalog.Normalize(text);
        return Words.GetValueOrDefault(normalized, TextCommand.None);
    }
}
