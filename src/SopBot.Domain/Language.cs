namespace SopBot.Domain;

/// <summary>A language the bot speaks. English is the fallback for any other locale.</summary>
public enum Language
{
    English,
    Spanish,
}

public static class Languages
{
    /// <summary>Maps a BCP 47 locale such as "es-MX" to a supported language, English when unknown or missing.</summary>
    public static Language FromLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return Language.English;
        }

        return locale.Trim().StartsWith("es", StringComparison.OrdinalIgnoreCase) ? Language.Spanish : Language.English;
    }

    public static string Code(this Language language) => language == Language.Spanish ? "es" : "en";
}
