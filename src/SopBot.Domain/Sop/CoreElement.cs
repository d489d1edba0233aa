namespace SopBot.Domain.Sop;

/// <summary>
/// One of the 15 SOP core elements. <see cref="Definition"/> is the official wording;
/// <see cref="DefinitionEs"/> is our Spanish rendering of it.
/// </summary>
public sealed record CoreElement(
    int Number,
    Pillar Pillar,
    string Definition,
    string DefinitionEs,
    string ShortTitleEn,
    string ShortTitleEs,
    string? Guidance)
{
    public string ShortTitle(Language language) => language == Language.Spanish ? ShortTitleEs : ShortTitleEn;

    public string LocalizedDefinition(Language language) => language == Language.Spanish ? DefinitionEs : Definition;
}
