using SopBot.Knowledge.Evaluation;

namespace SopBot.Knowledge.Tests;

[Collection(KnowledgeBaseCollection.Name)]
public sealed class EvaluationTests(KnowledgeBaseFixture fixture)
{
    /// <summary>Minimum top-1 accuracy required on each question set.</summary>
    private const double RequiredTop1Accuracy = 0.90;

    [Theory]
    [InlineData("qa-dev.tsv")]
    [InlineData("qa-heldout.tsv")]
    [InlineData("qa-dev-out-of-scope.tsv")]
    public void QuestionSetReachesRequiredTop1Accuracy(string fileName)
    {
        var questions = QuestionFile.Read(Path.Combine(KnowledgeBaseFixture.DataDirectory, fileName));

        var report = Evaluator.Run(fixture.KnowledgeBase, questions);

        var failures = string.Join(
            Environment.NewLine,
            report.Failures.Select(failure =>
                $"{failure.Question.Id} '{failure.Question.Question}' expected '{failure.Question.Expected}', "
                + $"got {failure.Answer.Entry?.Id ?? failure.Answer.Status.ToString()}"));
        Assert.True(
            report.Top1Accuracy >= RequiredTop1Accuracy,
            $"{fileName}: top-1 accuracy {report.Top1Accuracy:P1} is below {RequiredTop1Accuracy:P0}. Failures:{Environment.NewLine}{failures}");
    }

    [Fact]
    public void HeldOutSetHasOutOfScopeRows()
    {
        var questions = QuestionFile.Read(Path.Combine(KnowledgeBaseFixture.DataDirectory, "qa-heldout.tsv"));

        Assert.Contains(questions, question => question.IsOutOfScope);
        Assert.Contains(questions, question => question.Locale == "es");
    }

    [Theory]
    [InlineData("Secretaría;PNUD|UNDP", "La Secretaria trabaja con el pnud", true)]
    [InlineData("Communicating as One", "communicating AS one", true)]
    [InlineData("target|meta;responsib", "the responsible party and the target", true)]
    [InlineData("target|meta;responsib", "the target only", false)]
    [InlineData("<no-answer>", "anything", false)]
    public void ExpectedGroupsMatchIgnoringCaseAndAccents(string expected, string reply, bool satisfied)
    {
        var question = new EvaluationQuestion("X1", "en", "question", expected, 2);

        Assert.Equal(satisfied, question.IsSatisfiedBy(reply));
    }

    [Fact]
    public void MalformedQuestionFileNamesTheLine()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "id\tlocale\tquestion\texpected\nX1\ten\tonly three columns\n");

            var exception = Assert.Throws<FormatException>(() => QuestionFile.Read(path));

            Assert.Contains("line 2", exception.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
