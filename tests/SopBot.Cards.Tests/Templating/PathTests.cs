using SopBot.Cards.Templating;
using static SopBot.Cards.Tests.Templating.TemplateAssert;

namespace SopBot.Cards.Tests.Templating;

public sealed class PathTests
{
    private const string Data = """
        {
          "owner": {"name": {"first": "Ann"}, "id": "u1"},
          "items": [{"title": "First"}, {"title": "Second"}],
          "position": 1,
          "key": "id",
          "matrix": [[1, 2], [3, 4]],
          "Title": "upper",
          "title": "lower",
          "nothing": null
        }
        """;

    [Theory]
    [InlineData("${owner.name.first}", "\"Ann\"")]
    [InlineData("${$root.owner.name.first}", "\"Ann\"")]
    [InlineData("${$data.owner.id}", "\"u1\"")]
    [InlineData("${items[0].title}", "\"First\"")]
    [InlineData("${items[1]}", """{"title": "Second"}""")]
    [InlineData("${items[position].title}", "\"Second\"")]
    [InlineData("${items['0'].title}", "\"First\"")]
    [InlineData("${owner[key]}", "\"u1\"")]
    [InlineData("${owner['name'].first}", "\"Ann\"")]
    [InlineData("${matrix[1][0]}", "3")]
    [InlineData("${first(items).title}", "\"First\"")]
    public void Path_ReadsData(string value, string expected)
    {
        JsonEqual(expected, ExpandValue(value, Data));
    }

    [Theory]
    [InlineData("${$root}")]
    [InlineData("${$data}")]
    public void RootVariables_AreWholeData(string value)
    {
        JsonEqual(Data, ExpandValue(value, Data));
    }

    [Theory]
    [InlineData("${$ROOT.Owner.NAME.First}", "\"Ann\"")]
    [InlineData("${TITLE}", "\"upper\"")]
    [InlineData("${title}", "\"upper\"")]
    public void PropertyNames_IgnoreCaseAndTakeFirstMatch(string value, string expected)
    {
        JsonEqual(expected, ExpandValue(value, Data));
    }

    [Theory]
    [InlineData("${missing}", "${missing}")]
    [InlineData("x ${missing} y", "x ${missing} y")]
    [InlineData("${owner.missing.deeper}", "${owner.missing.deeper}")]
    [InlineData("${nothing.name}", "${nothing.name}")]
    [InlineData("${items[9].title}", "${items[9].title}")]
    [InlineData("x ${items[9]}", "x ${items[9]}")]
    [InlineData("#${$index}", "#${$index}")]
    [InlineData("x ${items[missingPosition].title}", "x ${items['${missingPosition}'].title}")]
    [InlineData("${first(items).missing}", "${missing}")]
    public void UnresolvedPath_StaysExpressionText(string value, string expected)
    {
        Assert.Equal(expected, ExpandValue(value, Data)!.GetValue<string>());
    }

    [Theory]
    [InlineData("${nothing[0]}")]
    [InlineData("${owner['missing']}")]
    public void UndefinedIndexResult_RemovesProperty(string value)
    {
        Assert.Same(Removed, ExpandValue(value, Data));
    }

    [Fact]
    public void IndexPastEnd_FailsAsSingleExpression()
    {
        var exception = Assert.Throws<TemplateExpansionException>(() => ExpandValue("${items[9]}", Data));

        Assert.Equal("$.value", exception.Location);
        Assert.Contains("past the end", exception.Message, StringComparison.Ordinal);
    }
}
