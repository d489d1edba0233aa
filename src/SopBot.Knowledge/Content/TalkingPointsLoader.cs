namespace SopBot.Knowledge.Content;

/// <summary>Reads and validates the talking points file.</summary>
internal static class TalkingPointsLoader
{
    public static (TalkingPointList English, TalkingPointList Spanish)? Load(
        string contentDirectory, string relativePath, List<string> errors)
    {
        var document = KnowledgeContentLoader.ReadJson<TalkingPointsDocument>(contentDirectory, relativePath, errors);
        if (document is null)
        {
            return null;
        }

        var errorCountBefore = errors.Count;
        RequirePair(document.Title, "title", relativePath, errors);
        RequirePair(document.Introduction, "introduction", relativePath, errors);
        var points = document.Points ?? [];
        if (points.Count == 0)
        {
            errors.Add($"{relativePath}: no talking points; the file needs a \"points\" array.");
        }

        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < points.Count; index++)
        {
            var point = points[index];
            var id = point?.Id?.Trim();
            var label = string.IsNullOrEmpty(id) ? $"point #{index + 1}" : $"point '{id}'";
            if (string.IsNullOrEmpty(id))
            {
                errors.Add($"{relativePath}: {label}: missing id.");
            }
            else if (!seenIds.Add(id))
            {
                errors.Add($"{relativePath}: {label}: duplicate id.");
            }

            if (string.IsNullOrWhiteSpace(point?.En))
            {
                errors.Add($"{relativePath}: {label}: missing English text (en).");
            }

            if (string.IsNullOrWhiteSpace(point?.Es))
            {
                errors.Add($"{relativePath}: {label}: missing Spanish text (es).");
            }
        }

        if (errors.Count > errorCountBefore)
        {
            return null;
        }

        var english = new TalkingPointList(
            document.Title!.En!.Trim(), document.Introduction!.En!.Trim(), points.Select(point => point!.En!.Trim()).ToList());
        var spanish = new TalkingPointList(
            document.Title.Es!.Trim(), document.Introduction.Es!.Trim(), points.Select(point => point!.Es!.Trim()).ToList());
        return (english, spanish);
    }

    private static void RequirePair(LanguagePairDocument? pair, string field, string relativePath, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(pair?.En))
        {
            errors.Add($"{relativePath}: missing English {field} ({field}.en).");
        }

        if (string.IsNullOrWhiteSpace(pair?.Es))
        {
            errors.Add($"{relativePath}: missing Spanish {field} ({field}.es).");
        }
    }
}
