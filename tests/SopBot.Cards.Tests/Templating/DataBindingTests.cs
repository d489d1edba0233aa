using SopBot.Cards.Templating;
using static SopBot.Cards.Tests.Templating.TemplateAssert;

namespace SopBot.Cards.Tests.Templating;

public sealed class DataBindingTests
{
    private const string Data = """
        {
          "owner": {"name": "Ann"},
          "tasks": [{"title": "Write", "steps": ["a", "b"]}, {"title": "Ship", "steps": []}],
          "one": [{"title": "Only"}],
          "none": [],
          "nothing": null
        }
        """;

    [Fact]
    public void ArrayBinding_RepeatsObjectWithIndex()
    {
        var result = Expand("""{"body": [{"$data": "${tasks}", "text": "${$index}: ${title} for ${$root.owner.name}", "i": "${$index}"}]}""", Data);

        JsonEqual("""{"body": [{"text": "0: Write for Ann", "i": 0}, {"text": "1: Ship for Ann", "i": 1}]}""", result);
    }

    [Fact]
    public void NestedArrayBinding_HasItsOwnIndex()
    {
        var result = Expand("""{"body": [{"$data": "${tasks}", "steps": [{"$data": "${steps}", "v": "${$data}", "i": "${$index}"}]}]}""", Data);

        JsonEqual("""{"body": [{"steps": [{"v": "a", "i": 0}, {"v": "b", "i": 1}]}, {"steps": []}]}""", result);
    }

    [Fact]
    public void ObjectBinding_ChangesScope()
    {
        var result = Expand("""{"card": {"$data": "${owner}", "text": "${name}", "same": "${$data.name}"}}""", Data);

        JsonEqual("""{"card": {"text": "Ann", "same": "Ann"}}""", result);
    }

    [Fact]
    public void ObjectBinding_KeepsOuterIndex()
    {
        var result = Expand("""{"body": [{"$data": "${tasks}", "inner": {"$data": "${$root.owner}", "i": "${$index}"}}]}""", Data);

        JsonEqual("""{"body": [{"inner": {"i": 0}}, {"inner": {"i": 1}}]}""", result);
    }

    [Theory]
    [InlineData("${tasks}", """[{"t": "Write"}, {"t": "Ship"}]""")]
    [InlineData("${one}", """{"t": "Only"}""")]
    [InlineData("${none}", "null")]
    public void BindingInProperty_GivesArrayObjectOrNull(string binding, string expected)
    {
        var result = Expand($$$"""{"value": {"$data": "{{{binding}}}", "t": "${title}"}}""", Data);

        JsonEqual(expected, result["value"]);
    }

    [Fact]
    public void ArrayItems_AreFlattenedAndNullsRemoved()
    {
        var result = Expand("""{"value": [1, null, [2, [3]], "${tasks[0].steps}", "${nothing}", {"$data": "${none}", "x": 1}]}""", Data);

        JsonEqual("""{"value": [1, 2, 3, "a", "b"]}""", result);
    }

    [Fact]
    public void LiteralBinding_IsUsedAsData()
    {
        var result = Expand("""{"body": [{"$data": [{"v": 1}, {"v": 2}], "v": "${v}"}, {"$data": "text", "v": "${$data}"}]}""");

        JsonEqual("""{"body": [{"v": 1}, {"v": 2}, {"v": "text"}]}""", result);
    }

    [Fact]
    public void LiteralBindingWithExpression_IsRejected()
    {
        var exception = Assert.Throws<TemplateParseException>(() => CardTemplate.Parse("""{"body": [{"$data": [{"v": "${x}"}]}]}"""));

        Assert.Equal("$.body[0].$data", exception.Location);
    }

    [Fact]
    public void MissingBinding_BindsExpressionText()
    {
        var result = Expand("""{"value": {"$data": "${missing}", "d": "${$data}", "n": "${name}"}}""", Data);

        JsonEqual("""{"value": {"d": "${missing}", "n": "${name}"}}""", result);
    }

    [Fact]
    public void ReservedKeys_AreLeftOut()
    {
        var result = Expand("""{"$schema": "s", "$root": 1, "$index": 2, "$host": 3, "$_acTemplateVersion": 4, "$data": "${owner}", "kept": "${name}"}""", Data);

        JsonEqual("""{"$schema": "s", "kept": "Ann"}""", result);
    }

    [Fact]
    public void RootArrayBinding_IsRejected()
    {
        var exception = Assert.Throws<TemplateExpansionException>(() => Expand("""{"$data": "${tasks}", "t": "${title}"}""", Data));

        Assert.Contains("2 objects", exception.Message, StringComparison.Ordinal);
    }
}
