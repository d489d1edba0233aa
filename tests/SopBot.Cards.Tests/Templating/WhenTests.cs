using SopBot.Cards.Templating;
using static SopBot.Cards.Tests.Templating.TemplateAssert;

namespace SopBot.Cards.Tests.Templating;

public sealed class WhenTests
{
    private const string Data = """{"show": true, "hide": false, "count": 2, "word": "true", "items": [{"v": 1}, {"v": 2}, {"v": 3}]}""";

    [Theory]
    [InlineData("true", false)]
    [InlineData("false", true)]
    [InlineData("\"true\"", false)]
    [InlineData("\"\"", true)]
    [InlineData("0", true)]
    [InlineData("1", false)]
    [InlineData("null", true)]
    [InlineData("{}", false)]
    [InlineData("[]", false)]
    public void LiteralCondition_KeepsOnlyFalsyValues(string condition, bool kept)
    {
        var result = Expand($$"""{"body": [{"$when": {{condition}}, "v": 1}]}""");

        Assert.Equal(kept ? 1 : 0, result["body"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("${show}", true)]
    [InlineData("${hide}", false)]
    [InlineData("${!hide}", true)]
    [InlineData("${count > 1}", true)]
    [InlineData("${count}", false)]
    [InlineData("${word}", false)]
    [InlineData("${true}", false)]
    [InlineData("${missing}", false)]
    [InlineData("${count > 'a'}", false)]
    [InlineData("x${show}", false)]
    public void ExpressionCondition_KeepsOnlyBooleanTrue(string condition, bool kept)
    {
        var result = Expand($$"""{"body": [{"$when": "{{condition}}", "v": 1}]}""", Data);

        Assert.Equal(kept ? 1 : 0, result["body"]!.AsArray().Count);
    }

    [Fact]
    public void Condition_IsEvaluatedPerItem()
    {
        var result = Expand("""{"body": [{"$data": "${items}", "$when": "${v >= 2}", "v": "${v}", "i": "${$index}"}]}""", Data);

        JsonEqual("""{"body": [{"v": 2, "i": 1}, {"v": 3, "i": 2}]}""", result);
    }

    [Fact]
    public void FalseConditionInProperty_GivesNull()
    {
        var result = Expand("""{"hidden": {"$when": "${hide}", "v": 1}}""", Data);

        JsonEqual("""{"hidden": null}""", result);
    }

    [Fact]
    public void FalseConditionOnRoot_IsRejected()
    {
        Assert.Throws<TemplateExpansionException>(() => Expand("""{"$when": "${hide}", "type": "AdaptiveCard"}""", Data));
    }
}
