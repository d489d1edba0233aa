using SopBot.Domain;

namespace SopBot.Knowledge.Content;

/// <summary>A text in English and Spanish.</summary>
public sealed record LocalizedText(string English, string Spanish)
{
    public string Get(Language language) => language == Language.Spanish ? Spanish : English;
}
