namespace SopBot.Domain.Countries;

/// <summary>
/// A country whose UN Country Team the bot serves. <see cref="Iso3"/> (ISO 3166-1 alpha-3)
/// is the stable key; <see cref="SourceCode"/> is the short code of the 2016 strategy's annex.
/// </summary>
public sealed record Country(string Iso3, string SourceCode, string NameEn, string NameEs, IReadOnlyList<string> OtherNames)
{
    public string Name(Language language) => language == Language.Spanish ? NameEs : NameEn;
}
