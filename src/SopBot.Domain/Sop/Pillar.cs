namespace SopBot.Domain.Sop;

/// <summary>One of the six pillars that group the SOP core elements.</summary>
public sealed record Pillar(int Number, string Key, string NameEn, string NameEs)
{
    public string Name(Language language) => language == Language.Spanish ? NameEs : NameEn;
}
