using SopBot.Knowledge.Content;

namespace SopBot.Knowledge.Tests;

public sealed class ContentValidationTests : IDisposable
{
    private const string ValidTalkingPoints = """
        {
          "title": { "en": "Talking points", "es": "Puntos de conversación" },
          "introduction": { "en": "Use these.", "es": "Úselos." },
          "points": [ { "id": "one", "en": "First point.", "es": "Primer punto." } ]
        }
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sopbot-content-" + Guid.NewGuid().ToString("N"));

    public ContentValidationTests()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "knowledge", "entries"));
        Directory.CreateDirectory(Path.Combine(_directory, "talking-points"));
        Write("knowledge/synonyms.json", """{ "groups": [ ["omt", "operations management team"] ] }""");
        Write("talking-points/talking-points.json", ValidTalkingPoints);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ValidContentLoads()
    {
        Write("knowledge/entries/a.json", EntryFile(Entry("first", related: "second"), Entry("second")));

        using var knowledgeBase = KnowledgeBase.Load(_directory);

        Assert.Equal(2, knowledgeBase.Entries.Count);
        Assert.Equal("knowledge/entries/a.json", knowledgeBase.FindEntry("first")?.SourceFile);
    }

    [Fact]
    public void MissingSpanishAnswerNamesFileAndEntry()
    {
        Write("knowledge/entries/a.json", EntryFile(Entry("first").Replace("\"es\": \"Respuesta.\"", "\"es\": \"\"")));

        var exception = Assert.Throws<KnowledgeContentException>(() => KnowledgeBase.Load(_directory));

        var error = Assert.Single(exception.Errors);
        Assert.Contains("knowledge/entries/a.json", error);
        Assert.Contains("'first'", error);
        Assert.Contains("answer.es", error);
    }

    [Fact]
    public void MissingEnglishQuestionsNamesFileAndEntry()
    {
        Write("knowledge/entries/a.json", EntryFile(Entry("first").Replace("\"en\": [\"Question?\"]", "\"en\": []")));

        var exception = Assert.Throws<KnowledgeContentException>(() => KnowledgeBase.Load(_directory));

        Assert.Contains(exception.Errors, error => error.Contains("'first'") && error.Contains("questions.en"));
    }

    [Fact]
    public void DuplicateIdAcrossFilesNamesBothFiles()
    {
        Write("knowledge/entries/a.json", EntryFile(Entry("same")));
        Write("knowledge/entries/b.json", EntryFile(Entry("same")));

        var exception = Assert.Throws<KnowledgeContentException>(() => KnowledgeBase.Load(_directory));

        var error = Assert.Single(exception.Errors);
        Assert.Contains("knowledge/entries/b.json", error);
        Assert.Contains("'same'", error);
        Assert.Contains("knowledge/entries/a.json", error);
    }

    [Fact]
    public void DanglingRelatedIdNamesFileAndEntry()
    {
        Write("knowledge/entries/a.json", EntryFile(Entry("first", related: "missing-entry")));

        var exception = Assert.Throws<KnowledgeContentException>(() => KnowledgeBase.Load(_directory));

        var error = Assert.Single(exception.Errors);
        Assert.Contains("knowledge/entries/a.json", error);
        Assert.Contains("'first'", error);
        Assert.Contains("'missing-entry'", error);
    }

    [Fact]
    public void InvalidJsonNamesFileAndLine()
    {
        Write("knowledge/entries/a.json", "{\n  \"entries\": [\n    { \"id\": \"first\", }\n  ]\n}");

        var exception = Assert.Throws<KnowledgeContentException>(() => KnowledgeBase.Load(_directory));

        var error = Assert.Single(exception.Errors);
        Assert.Contains("knowledge/entries/a.json", error);
        Assert.Contains("line 3", error);
    }

    [Fact]
    public void UnknownFieldIsRejected()
    {
        Write("knowledge/entries/a.json", EntryFile(Entry("first").Replace("\"source\"", "\"anwser\": \"typo\", \"source\"")));

        var exception = Assert.Throws<KnowledgeContentException>(() => KnowledgeBase.Load(_directory));

        Assert.Contains(exception.Errors, error => error.Contains("knowledge/entries/a.json") && error.Contains("anwser"));
    }

    [Fact]
    public void ElementOutOfRangeIsRejected()
    {
        Write("knowledge/entries/a.json", EntryFile(Entry("first").Replace("\"source\"", "\"element\": 16, \"source\"")));

        var exception = Assert.Throws<KnowledgeContentException>(() => KnowledgeBase.Load(_directory));

        Assert.Contains(exception.Errors, error => error.Contains("'first'") && error.Contains("element 16"));
    }

    [Fact]
    public void MalformedIdIsRejected()
    {
        Write("knowledge/entries/a.json", EntryFile(Entry("First Entry")));

        var exception = Assert.Throws<KnowledgeContentException>(() => KnowledgeBase.Load(_directory));

        Assert.Contains(exception.Errors, error => error.Contains("'First Entry'") && error.Contains("invalid id"));
    }

    [Fact]
    public void TalkingPointWithoutSpanishIsRejected()
    {
        Write("knowledge/entries/a.json", EntryFile(Entry("first")));
        Write("talking-points/talking-points.json", ValidTalkingPoints.Replace("\"es\": \"Primer punto.\"", "\"es\": \" \""));

        var exception = Assert.Throws<KnowledgeContentException>(() => KnowledgeBase.Load(_directory));

        var error = Assert.Single(exception.Errors);
        Assert.Contains("talking-points/talking-points.json", error);
        Assert.Contains("'one'", error);
    }

    [Fact]
    public void SynonymGroupWithOnePhraseIsRejected()
    {
        Write("knowledge/entries/a.json", EntryFile(Entry("first")));
        Write("knowledge/synonyms.json", """{ "groups": [ ["omt"] ] }""");

        var exception = Assert.Throws<KnowledgeContentException>(() => KnowledgeBase.Load(_directory));

        Assert.Contains(exception.Errors, error => error.Contains("knowledge/synonyms.json") && error.Contains("group #1"));
    }

    [Fact]
    public void AllProblemsAreReportedTogether()
    {
        Write("knowledge/entries/a.json", EntryFile(Entry("first", related: "nowhere"), Entry("first")));

        var exception = Assert.Throws<KnowledgeContentException>(() => KnowledgeBase.Load(_directory));

        Assert.Equal(2, exception.Errors.Count);
    }

    [Fact]
    public void MissingDirectoryIsReported()
    {
        var missing = Path.Combine(_directory, "does-not-exist");

        var exception = Assert.Throws<DirectoryNotFoundException>(() => KnowledgeBase.Load(missing));

        Assert.Contains("does-not-exist", exception.Message);
    }

    private static string EntryFile(params string[] entries) => $$"""{ "topic": "Test", "entries": [ {{string.Join(",", entries)}} ] }""";

    private static string Entry(string id, string? related = null) => $$"""
        {
          "id": "{{id}}",
          "title": { "en": "Title", "es": "Título" },
          "answer": { "en": "Answer.", "es": "Respuesta." },
          "questions": { "en": ["Question?"], "es": ["¿Pregunta?"] },
          "keywords": ["word"],
          "source": "I. Introduction",
          "related": [{{(related is null ? "" : $"\"{related}\"")}}]
        }
        """;

    private void Write(string relativePath, string text) => File.WriteAllText(Path.Combine(_directory, relativePath), text);
}
