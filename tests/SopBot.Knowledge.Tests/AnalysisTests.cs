using SopBot.Domain;
using SopBot.Knowledge.Search;

namespace SopBot.Knowledge.Tests;

public sealed class AnalysisTests : IDisposable
{
    private readonly KnowledgeAnalyzers _analyzers = new();

    public void Dispose() => _analyzers.Dispose();

    [Theory]
    [InlineData("Secretaría", "secretaria")]
    [InlineData("Gestión de Operaciones", "gestion de operaciones")]
    [InlineData("PANAMÁ", "panama")]
    [InlineData("Haïti", "haiti")]
    public void SpanishAnalysisFoldsAccentsAndCase(string accented, string plain)
    {
        Assert.Equal(_analyzers.Analyze(Language.Spanish, plain), _analyzers.Analyze(Language.Spanish, accented));
    }

    [Fact]
    public void EnglishAnalysisFoldsAccents()
    {
        Assert.Equal(_analyzers.Analyze(Language.English, "resume cafe"), _analyzers.Analyze(Language.English, "résumé café"));
    }

    [Theory]
    [InlineData("pilares", "pilar")]
    [InlineData("operaciones", "operación")]
    [InlineData("elementos", "elemento")]
    [InlineData("Grupos de Resultados", "grupo de resultado")]
    public void SpanishStemmingMergesForms(string plural, string singular)
    {
        Assert.Equal(_analyzers.Analyze(Language.Spanish, singular), _analyzers.Analyze(Language.Spanish, plural));
    }

    [Theory]
    [InlineData("pillars", "pillar")]
    [InlineData("implementing", "implementation")]
    [InlineData("SOPs", "SOP")]
    public void EnglishStemmingMergesForms(string variant, string baseForm)
    {
        Assert.Equal(_analyzers.Analyze(Language.English, baseForm), _analyzers.Analyze(Language.English, variant));
    }

    [Fact]
    public void SpanishStopWordsAreRemovedWithoutAccents()
    {
        var terms = _analyzers.Analyze(Language.Spanish, "¿Qué es la Estrategia?");

        Assert.DoesNotContain("que", terms);
        Assert.DoesNotContain("la", terms);
        Assert.Single(terms);
    }

    [Fact]
    public void EnglishQuestionWordsAreRemoved()
    {
        var terms = _analyzers.Analyze(Language.English, "What does the Secretariat do?");

        Assert.Single(terms);
    }

    [Fact]
    public void MentionMarkupIsStripped()
    {
        var text = QuestionText.Prepare("<at>SopBot</at> what is DaO?", 2000);

        Assert.Equal("what is DaO?", text);
    }

    [Fact]
    public void HtmlTagsAndEntitiesAreRemoved()
    {
        var text = QuestionText.Prepare("<p>What is the <b>M&amp;A</b>&nbsp;system?</p>", 2000);

        Assert.Equal("What is the M&A system?", text);
    }

    [Fact]
    public void LongTextIsTruncatedAtWordBoundary()
    {
        var text = QuestionText.Prepare(string.Concat(Enumerable.Repeat("element ", 1000)), 100);

        Assert.True(text.Length <= 100);
        Assert.EndsWith("element", text);
    }

    [Fact]
    public void TruncationKeepsSurrogatePairsWhole()
    {
        var text = QuestionText.Prepare(new string('a', 99) + "😀😀", 100);

        Assert.Equal(new string('a', 99), text);
    }

    [Fact]
    public void SynonymGroupsMatchWholeFoldedWords()
    {
        var expander = new SynonymExpander([["comms group", "country communications group"], ["omt", "operations management team"]]);

        Assert.Equal([0], expander.FindGroups(TextFolding.Words(TextFolding.Fold("What does the Comms Group do?"))));
        Assert.Empty(expander.FindGroups(TextFolding.Words(TextFolding.Fold("comms grouping"))));
        Assert.Equal([1], expander.FindGroups(TextFolding.Words(TextFolding.Fold("¿Qué hace el OMT?"))));
    }

    [Theory]
    [InlineData("secretariat", "secretriat", 2, true)]
    [InlineData("support", "suport", 1, true)]
    [InlineData("support", "supprot", 1, true)]
    [InlineData("support", "upport", 1, false)]
    [InlineData("pillar", "pilar", 0, false)]
    public void TypoToleranceMatchesCloseTerms(string term, string candidate, int maxEdits, bool expected)
    {
        Assert.Equal(expected, TypoTolerance.IsWithin(term, candidate, maxEdits));
    }
}
