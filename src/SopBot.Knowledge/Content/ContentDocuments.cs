namespace SopBot.Knowledge.Content;

// JSON shapes of the content files, as described in content/knowledge/README.md.
// Properties are nullable because validation, not deserialization, reports what is missing.

internal sealed class EntryFileDocument
{
    public string? Topic { get; set; }

    public List<EntryDocument?>? Entries { get; set; }
}

internal sealed class EntryDocument
{
    public string? Id { get; set; }

    public int? Element { get; set; }

    public int? Pillar { get; set; }

    public bool? Starter { get; set; }

    public LanguagePairDocument? Title { get; set; }

    public LanguagePairDocument? Answer { get; set; }

    public LanguageListDocument? Questions { get; set; }

    public List<string?>? Keywords { get; set; }

    public string? Source { get; set; }

    public List<string?>? Related { get; set; }
}

internal sealed class LanguagePairDocument
{
    public string? En { get; set; }

    public string? Es { get; set; }
}

internal sealed class LanguageListDocument
{
    public List<string?>? En { get; set; }

    public List<string?>? Es { get; set; }
}

internal sealed class SynonymFileDocument
{
    public List<List<string?>?>? Groups { get; set; }
}

internal sealed class TalkingPointsDocument
{
    public LanguagePairDocument? Title { get; set; }

    public LanguagePairDocument? Introduction { get; set; }

    public List<TalkingPointDocument?>? Points { get; set; }
}

internal sealed class TalkingPointDocument
{
    public string? Id { get; set; }

    public string? En { get; set; }

    public string? Es { get; set; }
}
