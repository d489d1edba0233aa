using SopBot.Domain.Sop;

namespace SopBot.Knowledge.Content;

/// <summary>Checks knowledge entries one by one and across files, collecting errors that name the file and entry.</summary>
internal static class EntryValidator
{
    public static KnowledgeEntry? Validate(EntryDocument? document, string file, int index, List<string> errors)
    {
        if (document is null)
        {
            errors.Add($"{file}: entry #{index + 1} is null.");
            return null;
        }

        var id = document.Id?.Trim();
        var label = string.IsNullOrEmpty(id) ? $"entry #{index + 1}" : $"entry '{id}'";
        var errorCountBefore = errors.Count;
        if (string.IsNullOrEmpty(id))
        {
            errors.Add($"{file}: {label}: missing id.");
        }
        else if (!KnowledgeContentLoader.IdPattern().IsMatch(id))
        {
            errors.Add($"{file}: {label}: invalid id; use lower case letters, digits and single hyphens.");
        }

        var title = RequirePair(document.Title, "title", file, label, errors);
        var answer = RequirePair(document.Answer, "answer", file, label, errors);
        var questionsEnglish = RequireList(document.Questions?.En, "questions.en", "English", file, label, errors);
        var questionsSpanish = RequireList(document.Questions?.Es, "questions.es", "Spanish", file, label, errors);
        if (string.IsNullOrWhiteSpace(document.Source))
        {
            errors.Add($"{file}: {label}: missing source (the section of the strategy text the entry draws on).");
        }

        if (document.Element is int element && !SopCatalog.IsValidElementNumber(element))
        {
            errors.Add($"{file}: {label}: element {element} is out of range; core elements are numbered 1 to 15.");
        }

        if (document.Pillar is int pillar && !KnowledgeContentLoader.IsValidPillarNumber(pillar))
        {
            errors.Add($"{file}: {label}: pillar {pillar} is out of range; pillars are numbered 1 to 6.");
        }

        var keywords = document.Keywords ?? [];
        if (keywords.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{file}: {label}: keywords contain an empty value.");
        }

        var related = document.Related ?? [];
        if (related.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{file}: {label}: related contains an empty id.");
        }

        if (related.Count > KnowledgeContentLoader.MaxRelatedIds)
        {
            errors.Add($"{file}: {label}: {related.Count} related ids; the maximum is {KnowledgeContentLoader.MaxRelatedIds}.");
        }

        if (errors.Count > errorCountBefore)
        {
            return null;
        }

        return new KnowledgeEntry
        {
            Id = id!,
            Title = title!,
            Answer = answer!,
            QuestionsEnglish = questionsEnglish,
            QuestionsSpanish = questionsSpanish,
            Keywords = keywords.Select(keyword => keyword!.Trim()).ToList(),
            Source = document.Source!.Trim(),
            RelatedIds = related.Select(relatedId => relatedId!.Trim()).ToList(),
            ElementNumber = document.Element,
            PillarNumber = document.Pillar,
            IsStarter = document.Starter ?? false,
            SourceFile = file,
        };
    }

    /// <summary>Checks duplicate ids, duplicate element or pillar numbers and dangling related ids.</summary>
    public static void ValidateAcrossEntries(IReadOnlyList<KnowledgeEntry> entries, List<string> errors)
    {
        var byId = new Dictionary<string, KnowledgeEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!byId.TryAdd(entry.Id, entry))
            {
                errors.Add($"{entry.SourceFile}: entry '{entry.Id}': duplicate id, already defined in {byId[entry.Id].SourceFile}.");
            }
        }

        ReportDuplicateNumbers(entries, entry => entry.ElementNumber, "element", errors);
        ReportDuplicateNumbers(entries, entry => entry.PillarNumber, "pillar", errors);
        foreach (var entry in entries)
        {
            foreach (var relatedId in entry.RelatedIds)
            {
                if (relatedId == entry.Id)
                {
                    errors.Add($"{entry.SourceFile}: entry '{entry.Id}': related lists the entry itself.");
                }
                else if (!byId.ContainsKey(relatedId))
                {
                    errors.Add($"{entry.SourceFile}: entry '{entry.Id}': related id '{relatedId}' does not exist.");
                }
            }
        }
    }

    private static void ReportDuplicateNumbers(
        IReadOnlyList<KnowledgeEntry> entries, Func<KnowledgeEntry, int?> number, string kind, List<string> errors)
    {
        var owners = new Dictionary<int, KnowledgeEntry>();
        foreach (var entry in entries)
        {
            if (number(entry) is int value && !owners.TryAdd(value, entry))
            {
                errors.Add($"{entry.SourceFile}: entry '{entry.Id}': {kind} {value} is already explained by entry '{owners[value].Id}'.");
            }
        }
    }

    private static LocalizedText? RequirePair(
        LanguagePairDocument? pair, string field, string file, string label, List<string> errors)
    {
        var valid = true;
        if (string.IsNullOrWhiteSpace(pair?.En))
        {
            errors.Add($"{file}: {label}: missing English {field} ({field}.en).");
            valid = false;
        }

        if (string.IsNullOrWhiteSpace(pair?.Es))
        {
            errors.Add($"{file}: {label}: missing Spanish {field} ({field}.es).");
            valid = false;
        }

        return valid ? new LocalizedText(pair!.En!.Trim(), pair.Es!.Trim()) : null;
    }

    private static List<string> RequireList(
        List<string?>? values, string field, string languageName, string file, string label, List<string> errors)
    {
        var cleaned = (values ?? []).Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value!.Trim()).ToList();
        if (cleaned.Count == 0)
        {
            errors.Add($"{file}: {label}: missing {languageName} example questions ({field} needs at least one).");
        }
        else if (cleaned.Count != values!.Count)
        {
            errors.Add($"{file}: {label}: {field} contains an empty question.");
        }

        return cleaned;
    }
}
