using SopBot.Domain;

namespace SopBot.Knowledge.Search;

/// <summary>Lucene field names and their weights. Each entry is one document with fields in both languages.</summary>
internal static class IndexFields
{
    public const string Id = "id";

    public static readonly IReadOnlyList<string> SpanishFields = ["title_es", "questions_es", "keywords_es", "answer_es"];

    /// <summary>
    /// Searched fields of a language with their boosts. Titles and example questions are written
    /// to match how users ask, so they weigh more than the longer answer text.
    /// </summary>
    public static IReadOnlyList<(string Field, float Boost)> Searched(Language language)
    {
        var suffix = language == Language.Spanish ? "_es" : "_en";
        return
        [
            ("title" + suffix, 3.0f),
            ("questions" + suffix, 2.0f),
            ("keywords" + suffix, 1.5f),
            ("answer" + suffix, 1.0f),
        ];
    }
}
