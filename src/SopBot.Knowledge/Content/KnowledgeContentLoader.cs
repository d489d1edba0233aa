using System.Text.Json;
using System.Text.RegularExpressions;
using SopBot.Domain.Sop;

namespace SopBot.Knowledge.Content;

/// <summary>
/// Reads and validates a content directory that contains <c>knowledge/entries/*.json</c>,
/// <c>knowledge/synonyms.json</c> and <c>talking-points/talking-points.json</c>.
/// </summary>
internal static partial class KnowledgeContentLoader
{
    public const string EntriesFolder = "knowledge/entries";
    public const string SynonymsFile = "knowledge/synonyms.json";
    public const string TalkingPointsFile = "talking-points/talking-points.json";

    /// <summary>Maximum number of related entries per entry, the number of related-question buttons an answer offers.</summary>
    public const int MaxRelatedIds = 3;

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Loads the content and throws <see cref="KnowledgeContentException"/> listing every problem found.</summary>
    public static KnowledgeContent Load(string contentDirectory)
    {
        if (!Directory.Exists(contentDirectory))
        {
            throw new DirectoryNotFoundException(
                $"The knowledge content directory '{Path.GetFullPath(contentDirectory)}' was not found. "
                + "Pass the folder that contains knowledge/ and talking-points/.");
        }

        var errors = new List<string>();
        var entries = LoadEntries(contentDirectory, errors);
        var synonymGroups = LoadSynonyms(contentDirectory, errors);
        var talkingPoints = TalkingPointsLoader.Load(contentDirectory, TalkingPointsFile, errors);
        if (errors.Count > 0)
        {
            throw new KnowledgeContentException(errors);
        }

        return new KnowledgeContent(entries, synonymGroups, talkingPoints!.Value.English, talkingPoints.Value.Spanish);
    }

    internal static T? ReadJson<T>(string contentDirectory, string relativePath, List<string> errors)
        where T : class
    {
        var path = Path.Combine(contentDirectory, relativePath);
        if (!File.Exists(path))
        {
            errors.Add($"{relativePath}: file not found.");
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var document = JsonSerializer.Deserialize<T>(stream, SerializerOptions);
            if (document is null)
            {
                errors.Add($"{relativePath}: the file contains JSON null instead of an object.");
            }

            return document;
        }
        catch (JsonException exception)
        {
            errors.Add($"{relativePath}: invalid JSON at line {exception.LineNumber + 1}: {exception.Message}");
            return null;
        }
    }

    private static List<KnowledgeEntry> LoadEntries(string contentDirectory, List<string> errors)
    {
        var entries = new List<KnowledgeEntry>();
        var folder = Path.Combine(contentDirectory, EntriesFolder);
        if (!Directory.Exists(folder))
        {
            errors.Add($"{EntriesFolder}: folder not found.");
            return entries;
        }

        var files = Directory.GetFiles(folder, "*.json").OrderBy(file => file, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            errors.Add($"{EntriesFolder}: no .json files found.");
        }

        foreach (var file in files)
        {
            var relativePath = $"{EntriesFolder}/{Path.GetFileName(file)}";
            var document = ReadJson<EntryFileDocument>(contentDirectory, relativePath, errors);
            if (document is null)
            {
                continue;
            }

            if (document.Entries is null || document.Entries.Count == 0)
            {
                errors.Add($"{relativePath}: no entries; the file needs an \"entries\" array.");
                continue;
            }

            for (var index = 0; index < document.Entries.Count; index++)
            {
                var entry = EntryValidator.Validate(document.Entries[index], relativePath, index, errors);
                if (entry is not null)
                {
                    entries.Add(entry);
                }
            }
        }

        EntryValidator.ValidateAcrossEntries(entries, errors);
        return entries;
    }

    private static List<IReadOnlyList<string>> LoadSynonyms(string contentDirectory, List<string> errors)
    {
        var groups = new List<IReadOnlyList<string>>();
        var document = ReadJson<SynonymFileDocument>(contentDirectory, SynonymsFile, errors);
        if (document is null)
        {
            return groups;
        }

        if (document.Groups is null)
        {
            errors.Add($"{SynonymsFile}: missing \"groups\" array.");
            return groups;
        }

        for (var index = 0; index < document.Groups.Count; index++)
        {
            var phrases = (document.Groups[index] ?? [])
                .Where(phrase => !string.IsNullOrWhiteSpace(phrase))
                .Select(phrase => phrase!.Trim())
                .ToList();
            if (phrases.Count < 2)
            {
                errors.Add($"{SynonymsFile}: group #{index + 1} needs at least two non-empty phrases.");
                continue;
            }

            groups.Add(phrases);
        }

        return groups;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    internal static partial Regex IdPattern();

    internal static bool IsValidPillarNumber(int number) => number >= 1 && number <= SopCatalog.Pillars.Count;
}
