using SopBot.Domain;

namespace SopBot.Knowledge.Tests;

[Collection(KnowledgeBaseCollection.Name)]
public sealed class InputRobustnessTests(KnowledgeBaseFixture fixture)
{
    private readonly KnowledgeBase _knowledgeBase = fixture.KnowledgeBase;

    [Theory]
    [InlineData("title:(omt OR bos)~")]
    [InlineData("*")]
    [InlineData("\"unbalanced quote about the OMT")]
    [InlineData("omt~2 AND bos^5")]
    [InlineData("[1 TO 5] {a TO b}")]
    [InlineData("+-&&||!(){}[]^\"~*?:\\/")]
    [InlineData("element:12")]
    [InlineData("NOT OR AND")]
    [InlineData("/regex.*/")]
    public void QuerySyntaxIsTreatedAsText(string question)
    {
        var answer = _knowledgeBase.Answer(question, Language.English);

        Assert.NotNull(answer);
    }

    [Fact]
    public void QuerySyntaxWordsAreStillSearched()
    {
        var answer = _knowledgeBase.Answer("title:(Operations Management Team)~", Language.English);

        Assert.Equal(AnswerStatus.Answered, answer.Status);
        Assert.Contains("Operations Management Team", answer.Title);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("?!...")]
    [InlineData("👍🎉🙂")]
    [InlineData("<at>SopBot</at>")]
    [InlineData("<at>SopBot</at> ???")]
    public void EmptyInputIsNotUnderstood(string? question)
    {
        var answer = _knowledgeBase.Answer(question, Language.English);

        Assert.Equal(AnswerStatus.NotUnderstood, answer.Status);
        Assert.Null(answer.Entry);
        Assert.NotEmpty(answer.ClosestTopics);
    }

    [Fact]
    public void StopWordsOnlyAreNotUnderstood()
    {
        var answer = _knowledgeBase.Answer("what is the", Language.English);

        Assert.NotEqual(AnswerStatus.Answered, answer.Status);
    }

    [Fact]
    public void HugeInputIsTruncated()
    {
        var question = "What is the Peer Support Group? " + string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet ", 40_000));

        var answer = _knowledgeBase.Answer(question, Language.English);

        Assert.NotNull(answer);
        Assert.Contains(answer.Candidates, candidate => candidate.Entry.Id == "psg");
    }

    [Fact]
    public void HugeInputWithoutSpacesDoesNotThrow()
    {
        var answer = _knowledgeBase.Answer(new string('x', 1_000_000), Language.English);

        Assert.NotEqual(AnswerStatus.Answered, answer.Status);
    }

    [Fact]
    public void ManyDistinctWordsStayUnderClauseLimit()
    {
        var question = string.Join(' ', _knowledgeBase.Entries.SelectMany(entry => entry.Title.English.Split(' ')));

        var answer = _knowledgeBase.Answer(question, Language.English);

        Assert.NotNull(answer);
    }
}
