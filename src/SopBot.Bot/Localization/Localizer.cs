using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using SopBot.Domain;

namespace SopBot.Bot.Localization;

/// <summary>
/// The bot's user-facing strings in English and Spanish, read once from the embedded
/// strings.en.json and strings.es.json. A key missing in Spanish falls back to English.
/// </summary>
public sealed class Localizer
{
    private readonly FrozenDictionary<string, string> _english;
    private readonly FrozenDictionary<string, string> _spanish;

    public Localizer()
    {
        _english = Load("strings.en.json");
        _spanish = Load("strings.es.json");
    }

    public IReadOnlyCollection<string> EnglishKeys => _english.Keys;

    public IReadOnlyCollection<string> SpanishKeys => _spanish.Keys;

    /// <exception cref="KeyNotFoundException">No English string has this key: a programming error.</exception>
    public string Get(Language language, string key)
    {
        if (language == Language.Spanish && _spanish.TryGetValue(key, out var spanish))
        {
            return spanish;
        }

        return _english.TryGetValue(key, out var english)
            ? english
            : throw new KeyNotFoundException($"No English string has the key \"{key}\".");
    }

    /// <summary>Returns the string with each "{name}" placeholder replaced by its value.</summary>
    public string Format(Language language, string key, params (string Name, object? Value)[] values)
    {
        var text = Get(language, key);
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", Convert.ToString(value, CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }

    public string FormatDate(Language language, DateTimeOffset date) =>
        date.UtcDateTime.ToString(Get(language, "date.format"), CultureFor(language));

    public static CultureInfo CultureFor(Language language) =>
        CultureInfo.GetCultureInfo(language == Language.Spanish ? "es" : "en-GB");

    private static FrozenDictionary<string, string> Load(string fileName)
    {
        var assembly = typeof(Localizer).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(name => name.EndsWith(fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing.");
        var strings = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is empty.");
        return strings.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
