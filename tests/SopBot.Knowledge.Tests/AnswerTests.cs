using SopBot.Domain;

namespace SopBot.Knowledge.Tests;

[Collection(KnowledgeBaseCollection.Name)]
public sealed class AnswerTests(KnowledgeBaseFixture fixture)
{
    private readonly KnowledgeBase _knowledgeBase = fixture.KnowledgeBase;

    [Theory]
    [InlineData("What is element 12?", Language.English, 12)]
    [InlineData("¿Qué es el elemento 12?", Language.Spanish, 12)]
    [InlineData("core element #12", Language.English, 12)]
    [InlineData("tell me about CE12", Language.English, 12)]
    [InlineData("element twelve", Language.English, 12)]
    [InlineData("elemento doce", Language.Spanish, 12)]
    [InlineData("Elemento nº 7", Language.Spanish, 7)]
    [InlineData("ELEMENT NO. 1", Language.English, 1)]
    [InlineData("what about elements 14", Language.English, 14)]
    [InlineData("<at>SopBot</at> element 3", Language.English, 3)]
    public void ElementNumberRoutesToElementEntry(string question, Language language, int element)
    {
        var answer = _knowledgeBase.Answer(question, language);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Equal(MatchKind.ElementReference, answer.MatchKind);
        Assert.Equal($"element-{element}", answer.Entry?.Id);
    }

    [Fact]
    public void ElementAnswerStartsWithOfficialDefinition()
    {
        var english = _knowledgeBase.Answer("element 7", Language.English);
        var spanish = _knowledgeBase.Answer("elemento 7", Language.Spanish);

        Assert.Contains("Annual Common Budgetary Frameworks (as a part of the Joint Work Plans)", english.Text);
        Assert.Contains("Marcos Presupuestarios Comunes anuales", spanish.Text);
        Assert.StartsWith("Elemento básico 7", spanish.Title);
    }

    [Fact]
    public void ElementNumberOutOfRangeIsNotRouted()
    {
        var answer = _knowledgeBase.Answer("element 16", Language.English);

        Assert.NotEqual(MatchKind.ElementReference, answer.MatchKind);
    }

    [Theory]
    [InlineData("pillar 3", Language.English, "pillar-common-budgetary-framework")]
    [InlineData("pilar 6", Language.Spanish, "pillar-communicating-as-one")]
    public void PillarNumberRoutesToPillarEntry(string question, Language language, string entryId)
    {
        var answer = _knowledgeBase.Answer(question, language);

        Assert.Equal(MatchKind.PillarReference, answer.MatchKind);
        Assert.Equal(entryId, answer.Entry?.Id);
    }

    [Theory]
    [InlineData("What does the OMT do?", "Operations Management Team")]
    [InlineData("what does the comms group do", "Communications Group")]
    [InlineData("¿Qué es el MANUD?", "MANUD")]
    [InlineData("What is the POE?", "Standard Operating Procedures")]
    [InlineData("What does CBF stand for?", "Common Budgetary Framework")]
    public void AcronymsAndSynonymsFindTheirTopic(string question, string expectedText)
    {
        var answer = _knowledgeBase.Answer(question, Language.English);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Contains(expectedText, answer.Title + "\n" + answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("what does the secretriat do", "mapping")]
    [InlineData("who co-chairs the peer suport group", "UN Women")]
    [InlineData("what is the busines operations strategy", "Business Operations Strategy")]
    [InlineData("explain the comon budgetary framwork", "Common Budgetary Framework")]
    public void TyposStillFindTheEntry(string question, string expectedText)
    {
        var answer = _knowledgeBase.Answer(question, Language.English);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Contains(expectedText, answer.Title + "\n" + answer.Text);
    }

    [Fact]
    public void AccentlessSpanishFindsTheEntry()
    {
        var answer = _knowledgeBase.Answer("quien copreside el grupo de apoyo entre pares", Language.Spanish);

        Assert.Equal("psg", answer.Entry?.Id);
        Assert.Contains("ONU Mujeres", answer.Text);
    }

    [Fact]
    public void ReplyIsInTheAskedLanguage()
    {
        var answer = _knowledgeBase.Answer("What is the Peer Support Group?", Language.Spanish);

        Assert.NotNull(answer.Entry);
        Assert.Equal(answer.Entry.Title.Spanish, answer.Title);
        Assert.Equal(answer.Entry.ReplyText(Language.Spanish), answer.Text);
        Assert.Contains("Grupo de Apoyo entre Pares", answer.Text);
    }

    [Fact]
    public void RelatedQuestionsAreInTheAskedLanguage()
    {
        var answer = _knowledgeBase.Answer("¿Qué es el Grupo de Apoyo entre Pares?", Language.Spanish);

        Assert.InRange(answer.RelatedQuestions.Count, 1, 3);
        Assert.All(answer.RelatedQuestions, related => Assert.StartsWith("¿", related.Question));
        Assert.All(answer.RelatedQuestions, related => Assert.NotNull(_knowledgeBase.FindEntry(related.EntryId)));
    }

    [Fact]
    public void CandidatesAreAtMostThree()
    {
        var answer = _knowledgeBase.Answer("What are the pillars of the SOPs?", Language.English);

        Assert.InRange(answer.Candidates.Count, 1, 3);
        Assert.Equal(answer.Entry, answer.Candidates[0].Entry);
    }

    [Fact]
    public void TalkingPointsExistInBothLanguages()
    {
        var english = _knowledgeBase.TalkingPoints(Language.English);
        var spanish = _knowledgeBase.TalkingPoints(Language.Spanish);

        Assert.NotEmpty(english.Points);
        Assert.Equal(english.Points.Count, spanish.Points.Count);
        Assert.Contains("SOP", english.Title);
        Assert.Contains("POE", spanish.Title);
    }

    [Fact]
    public void ConcurrentAnswersMatchSequentialAnswers()
    {
        string[] questions =
        [
            "What are the pillars of the SOPs?", "¿Quién copreside el Grupo de Apoyo entre Pares?", "element 12",
            "What is the weather in Lima?", "wat does the secretariat do", "What is DaO?",
        ];
        var expected = questions.Select(question => _knowledgeBase.Answer(question, Language.English).Entry?.Id).ToArray();
        var actual = new string?[questions.Length * 200];

        Parallel.For(0, actual.Length, index => actual[index] = _knowledgeBase.Answer(questions[index % questions.Length], Language.English).Entry?.Id);

        for (var index = 0; index < actual.Length; index++)
        {
            Assert.Equal(expected[index % questions.Length], actual[index]);
        }
    }
}
