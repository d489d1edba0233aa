using System.Text.Json.Nodes;
using SopBot.Cards.Templating;
using static SopBot.Cards.Tests.Templating.TemplateAssert;

namespace SopBot.Cards.Tests.Templating;

public sealed class InterpolationTests
{
    private const string Data = """
        {"name": "Ann", "count": 3, "ratio": 0.5, "active": true, "owner": {"id": "u1"}, "tags": ["a", "b"], "nothing": null}
        """;

    [Theory]
    [InlineData("${count}", "3")]
    [InlineData("${ratio}", "0.5")]
    [InlineData("${active}", "true")]
    [InlineData("${owner}", """{"id": "u1"}""")]
    [InlineData("${tags}", """["a", "b"]""")]
    [InlineData("${nothing}", "null")]
    [InlineData("${ count }", "3")]
    [InlineData("${-count}", "-3")]
    public void SingleExpression_KeepsJsonType(string value, string expected)
    {
        JsonEqual(expected, ExpandValue(value, Data));
    }

    [Theory]
    [InlineData("Hi ${name}!", "\"Hi Ann!\"")]
    [InlineData("${count} tasks", "\"3 tasks\"")]
    [InlineData("${name}${name}", "\"AnnAnn\"")]
    [InlineData("r=${ratio}", "\"r=0.5\"")]
    [InlineData("f=${active}", "\"f=true\"")]
    [InlineData("o=${owner}", "\"o=[object Object]\"")]
    [InlineData("t=${tags}", "\"t=a,b\"")]
    public void EmbeddedExpression_BecomesText(string value, string expected)
    {
        JsonEqual(expected, ExpandValue(value, Data));
    }

    [Theory]
    [InlineData("${1}", "\"1\"")]
    [InlineData("${true}", "\"true\"")]
    [InlineData("${'text'}", "\"text\"")]
    [InlineData("${ }", "\"\"")]
    public void ConstantExpression_BecomesText(string value, string expected)
    {
        JsonEqual(expected, ExpandValue(value, Data));
    }

    [Theory]
    [InlineData("\\${name}", "${name}")]
    [InlineData("\\\\${name}", "\\${name}")]
    [InlineData("\\`${name}\\`", "`Ann`")]
    [InlineData("a\\b ${name}", "a\\b Ann")]
    [InlineData("$${name}", "$Ann")]
    public void Escapes_FollowReferenceEngine(string value, string expected)
    {
        Assert.Equal(expected, ExpandValue(value, Data)!.GetValue<string>());
    }

    [Theory]
    [InlineData("${name")]
    [InlineData("${}")]
    [InlineData("$ {name}")]
    [InlineData("${name\n}")]
    [InlineData("${it's}")]
    public void IncompleteExpression_StaysText(string value)
    {
        Assert.Equal(value, ExpandValue(value, Data)!.GetValue<string>());
    }

    [Fact]
    public void QuotedBraces_DoNotCloseExpression()
    {
        Assert.Equal("} and Ann", ExpandValue("${'}'} and ${name}", Data)!.GetValue<string>());
    }

    [Fact]
    public void PropertyNames_AreNotExpanded()
    {
        var result = Expand("""{"${name}": "${name}"}""", Data);

        Assert.Equal("Ann", result["${name}"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("He said \"hi\" \\ done")]
    [InlineData("<at>Ann</at> **bold** _it_")]
    [InlineData("emoji 😀 🇩🇪 and 李")]
    [InlineData("line 1\nline 2\r\n\ttab")]
    [InlineData("${$root.secret} and ${note} and \\${x}")]
    [InlineData("`code` and ${")]
    public void DataText_IsInsertedVerbatim(string note)
    {
        var data = new JsonObject { ["note"] = note, ["secret"] = "leaked" }.ToJsonString();

        var single = ExpandValue("${note}", data)!.GetValue<string>();
        var embedded = ExpandValue("Note: ${note}", data)!.GetValue<string>();

        Assert.Equal(note, single);
        Assert.Equal("Note: " + note, embedded);
    }

    [Fact]
    public void ExpandToString_WritesValidJson()
    {
        var template = CardTemplate.Parse("""{"type": "AdaptiveCard", "text": "Note: ${note}"}""");
        var data = JsonNode.Parse("""{"note": "quote \" slash \\ </at> 😀\nnew"}""");

        var json = template.ExpandToString(data);
        var parsed = JsonNode.Parse(json)!;

        Assert.Equal("Note: quote \" slash \\ </at> 😀\nnew", parsed["text"]!.GetValue<string>());
        Assert.Contains("</at>", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtick_IsRejectedBesideExpression()
    {
        var exception = Assert.Throws<TemplateParseException>(() =>
            CardTemplate.Parse("""{"body": [{"text": "Run `npm ci` for ${name}"}]}"""));

        Assert.Equal("$.body[0].text", exception.Location);
        Assert.Contains("backtick", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtick_IsTextWithoutExpression()
    {
        Assert.Equal("Run `npm ci`", ExpandValue("Run `npm ci`")!.GetValue<string>());
    }
}
