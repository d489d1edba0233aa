using SopBot.Cards.Templating;
using static SopBot.Cards.Tests.Templating.TemplateAssert;

namespace SopBot.Cards.Tests.Templating;

public sealed class ExpressionTests
{
    private const string Data = """
        {
          "a": 5, "b": 3, "name": "Ann", "flag": true, "zero": 0, "nothing": null,
          "tags": ["a", "b", "c"], "two": ["x", "y"], "owner": {"id": "u1"}, "padded": " p "
        }
        """;

    [Theory]
    [InlineData("${1 + 2 * 3}", "7")]
    [InlineData("${(1 + 2) * 3}", "9")]
    [InlineData("${a - b - 1}", "1")]
    [InlineData("${7 / 2}", "3")]
    [InlineData("${-7 / 2}", "-4")]
    [InlineData("${7.5 / 2}", "3.75")]
    [InlineData("${1 / 3.0}", "0")]
    [InlineData("${-7 % 3}", "-1")]
    [InlineData("${'n' + a}", "\"n5\"")]
    [InlineData("${missing + 1}", "\"${missing}1\"")]
    [InlineData("${0.1 + 0.2}", "0.30000000000000004")]
    [InlineData("${name & a}", "\"Ann5\"")]
    public void Arithmetic_FollowsReferenceEngine(string value, string expected)
    {
        JsonEqual(expected, ExpandValue(value, Data));
    }

    [Theory]
    [InlineData("${a == 5}", "true")]
    [InlineData("${'5' == a}", "false")]
    [InlineData("${name == 'ANN'}", "false")]
    [InlineData("${a != b}", "true")]
    [InlineData("${nothing == missing}", "true")]
    [InlineData("${b < a}", "true")]
    [InlineData("${a <= 5}", "true")]
    [InlineData("${a > b}", "true")]
    [InlineData("${b >= a}", "false")]
    [InlineData("${'Z' < 'a'}", "true")]
    [InlineData("${nothing < 1}", "false")]
    [InlineData("${2 == 2 == true}", "true")]
    [InlineData("${a == 5 && b == 3}", "true")]
    [InlineData("${a > 10 || b > 1}", "true")]
    [InlineData("${false || nothing}", "null")]
    [InlineData("${!a}", "false")]
    [InlineData("${!''}", "false")]
    [InlineData("${a > 1 ? 'big' : 'small'}", "\"big\"")]
    [InlineData("${nothing ?? 'fallback'}", "\"fallback\"")]
    public void ComparisonAndLogic_FollowReferenceEngine(string value, string expected)
    {
        JsonEqual(expected, ExpandValue(value, Data));
    }

    [Theory]
    [InlineData("${'it\\'s'}", "\"it's\"")]
    [InlineData("${\"say \\\"hi\\\"\"}", "\"say \\\"hi\\\"\"")]
    [InlineData("${'tab\\there\\n\\\\ \\q'}", "\"tab\\there\\n\\\\ \\\\q\"")]
    public void StringLiterals_ProcessEscapes(string value, string expected)
    {
        JsonEqual(expected, ExpandValue(value, Data));
    }

    [Theory]
    [InlineData("${if(a > 1, 'many', 'few')}", "\"many\"")]
    [InlineData("${if(0, 'yes', 'no')}", "\"yes\"")]
    [InlineData("${not(flag)}", "false")]
    [InlineData("${and(flag, a > 1)}", "true")]
    [InlineData("${or(false, zero)}", "true")]
    [InlineData("${equals(name, 'Ann')}", "true")]
    [InlineData("${greater(a, 2)}", "true")]
    [InlineData("${greaterOrEquals(a, 5)}", "true")]
    [InlineData("${less(name, 'Bob')}", "true")]
    [InlineData("${lessOrEquals(a, 2)}", "false")]
    [InlineData("${empty(tags)}", "false")]
    [InlineData("${empty(missing)}", "true")]
    [InlineData("${exists(zero)}", "true")]
    [InlineData("${exists(nothing)}", "false")]
    [InlineData("${coalesce(nothing, name)}", "\"Ann\"")]
    [InlineData("${count(tags)}", "3")]
    [InlineData("${count(missing)}", "10")]
    [InlineData("${length(name)}", "3")]
    [InlineData("${first(tags)}", "\"a\"")]
    [InlineData("${last(name)}", "\"n\"")]
    [InlineData("${contains(tags, 'b')}", "true")]
    [InlineData("${contains(owner, 'ID')}", "true")]
    [InlineData("${join(tags, ', ', ' and ')}", "\"a, b and c\"")]
    [InlineData("${join(two, ', ', ' and ')}", "\"x and y\"")]
    [InlineData("${concat(name, '-', a)}", "\"Ann-5\"")]
    [InlineData("${concat(tags, two)}", "\"a,b,cx,y\"")]
    [InlineData("${count(concat(tags, two))}", "5")]
    [InlineData("${string(1234567.5)}", "\"1,234,567.5\"")]
    [InlineData("${string(-5)}", "\"\u22125\"")]
    [InlineData("${string(owner)}", "\"{\\\"id\\\":\\\"u1\\\"}\"")]
    [InlineData("${trim(padded)}", "\"p\"")]
    [InlineData("${add(1, 2, 3)}", "6")]
    [InlineData("${sub(10, a, 1)}", "4")]
    [InlineData("${mul(a, 2.5)}", "12.5")]
    [InlineData("${div(10, 4)}", "2")]
    [InlineData("${mod(a, 2)}", "1")]
    public void Functions_FollowReferenceEngine(string value, string expected)
    {
        JsonEqual(expected, ExpandValue(value, Data));
    }

    [Theory]
    [InlineData("x ${add(owner, 1)}", "x ${(owner + 1)}")]
    [InlineData("x ${div(1, zero)}", "x ${(1 / zero)}")]
    [InlineData("x ${a > 'a'}", "x ${(a > 'a')}")]
    [InlineData("x ${-owner}", "x ${(0 - owner)}")]
    [InlineData("x ${join(missing, ',')}", "x ${join(missing, ',')}")]
    public void FailedPartOfText_BecomesExpressionText(string value, string expected)
    {
        Assert.Equal(expected, ExpandValue(value, Data)!.GetValue<string>());
    }

    [Theory]
    [InlineData("${add(owner, 1)}")]
    [InlineData("${div(1, zero)}")]
    [InlineData("${a > 'a'}")]
    [InlineData("${count(nothing)}")]
    public void FailedSingleExpression_Throws(string value)
    {
        var exception = Assert.Throws<TemplateExpansionException>(() => ExpandValue(value, Data));

        Assert.Equal("$.value", exception.Location);
    }

    [Theory]
    [InlineData("x ${nothing}")]
    [InlineData("${null}")]
    [InlineData("${concat(name, nothing)}")]
    public void NullInText_Throws(string value)
    {
        var exception = Assert.Throws<TemplateExpansionException>(() => ExpandValue(value, Data));

        Assert.Contains("cannot be inserted into text", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${x +}", "Expected a value")]
    [InlineData("${count(1)}", "must be a string or array")]
    [InlineData("${sub('a', 1)}", "must be a number")]
    [InlineData("${equals(1, 2, 3)}", "exactly 2")]
    [InlineData("${formatDateTime(x)}", "not supported")]
    [InlineData("${1 <> 2}", "'<>' is not supported")]
    [InlineData("${2 ^ 3}", "'^' is not supported")]
    [InlineData("${[1, 2]}", "array literal")]
    [InlineData("${ {a: 1} }", "object literal")]
    [InlineData("${string(1, 'de-DE')}", "locale")]
    [InlineData("${'a'.length}", "has no property")]
    [InlineData("${a %b}", "Unexpected")]
    public void InvalidExpression_IsRejectedAtParse(string value, string messagePart)
    {
        var template = new System.Text.Json.Nodes.JsonObject { ["value"] = value }.ToJsonString();

        var exception = Assert.Throws<TemplateParseException>(() => CardTemplate.Parse(template));

        Assert.Equal("$.value", exception.Location);
        Assert.Contains(messagePart, exception.Message, StringComparison.Ordinal);
    }
}
