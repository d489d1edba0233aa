using SopBot.Domain;

namespace SopBot.Knowledge.Tests;

[Collection(KnowledgeBaseCollection.Name)]
public sealed class NoAnswerTests(KnowledgeBaseFixture fixture)
{
    private readonly KnowledgeBase _knowledgeBase = fixture.KnowledgeBase;

    [Theory]
    [InlineData("what's the weather in Lima", Language.English)]
    [InlineData("¿quién ganó el partido?", Language.Spanish)]
    [InlineData("how do I cook rice", Language.English)]
    [InlineData("¿dónde está mi paquete de Amazon?", Language.Spanish)]
    [InlineData("what's the score of the football game", Language.English)]
    [InlineData("hello", Language.English)]
    public void OutOfScopeQuestionGetsNoEntry(string question, Language language)
    {
        var answer = _knowledgeBase.Answer(question, language);

        Assert.Equal(AnswerStatus.NoAnswer, answer.Status);
        Assert.Null(answer.Entry);
        Assert.False(answer.IsConfident);
        Assert.Empty(answer.RelatedQuestions);
    }

    [Fact]
    public void NoAnswerOffersClosestTopics()
    {
        var answer = _knowledgeBase.Answer("what's the weather in Lima", Language.Spanish);

        Assert.InRange(answer.ClosestTopics.Count, 1, 3);
        Assert.All(answer.ClosestTopics, topic => Assert.NotNull(_knowledgeBase.FindEntry(topic.EntryId)));
        Assert.All(answer.ClosestTopics, topic => Assert.StartsWith("¿", topic.Question));
    }

    [Fact]
    public void InScopeQuestionIsConfident()
    {
        var answer = _knowledgeBase.Answer("Who co-chairs the Peer Support Group?", Language.English);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.True(answer.IsConfident);
        Assert.True(answer.Coverage >= _knowledgeBase.Options.MinimumCoverage);
        Assert.Empty(answer.ClosestTopics);
    }
}
