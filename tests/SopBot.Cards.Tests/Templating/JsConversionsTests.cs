using SopBot.Cards.Templating.Runtime;

namespace SopBot.Cards.Tests.Templating;

// Expected texts are what Node.js 20 prints for String(value) and for adaptive-expressions'
// string(value) under the en-US locale.
public sealed class JsConversionsTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-12.0, "-12")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(1e16, "10000000000000000")]
    [InlineData(123456789012345680.0, "123456789012345680")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.5e21, "1.5e+21")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.25e-7, "1.25e-7")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(double.MaxValue, "1.7976931348623157e+308")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void NumberToString_MatchesJavaScript(double value, string expected)
    {
        Assert.Equal(expected, JsConversions.NumberToString(value));
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1234.5, "1,234.5")]
    [InlineData(-1234567.0, "\u22121,234,567")]
    [InlineData(0.125, "0.125")]
    [InlineData(-0.001, "\u22120.001")]
    [InlineData(999.0, "999")]
    [InlineData(1000.0, "1,000")]
    [InlineData(123456789012345680000.0, "123,456,789,012,345,683,968")]
    [InlineData(1e21, "1e+21")]
    public void FormatGroupedNumber_MatchesStringFunction(double value, string expected)
    {
        Assert.Equal(expected, JsConversions.FormatGroupedNumber(value));
    }

    [Fact]
    public void NegativeZero_PrintsAsZero()
    {
        Assert.Equal("0", JsConversions.NumberToString(-0.0));
        Assert.Equal("0", JsConversions.FormatGroupedNumber(-0.0));
    }

    [Theory]
    [InlineData("12", 12.0)]
    [InlineData("  -7abc", -7.0)]
    [InlineData("0x1f", 31.0)]
    [InlineData("3.9", 3.0)]
    [InlineData("1e+21", 1.0)]
    public void ParseInt_ReadsLeadingInteger(string text, double expected)
    {
        Assert.Equal(expected, JsConversions.ParseInt(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-")]
    [InlineData("${x}")]
    public void ParseInt_WithoutDigits_IsNaN(string text)
    {
        Assert.True(double.IsNaN(JsConversions.ParseInt(text)));
    }

    [Fact]
    public void Trim_UsesJavaScriptWhiteSpace()
    {
        Assert.Equal("x", JsConversions.Trim("\uFEFF\u00A0\t x \n\u2028"));
        Assert.Equal("\u0085x\u0085", JsConversions.Trim("\u0085x\u0085"));
    }

    [Fact]
    public void Stringify_MatchesJsonStringify()
    {
        var value = JsObject.FromProperties(
        [
            new("b", 1.0),
            new("1", "one"),
            new("text", "q\" \\ \n \u0001 </at> 😀 \ud800"),
            new("list", new JsArray([null, Undefined.Value, true, double.NaN])),
        ]);

        Assert.Equal(
            """{"1":"one","b":1,"text":"q\" \\ \n \u0001 </at> 😀 \ud800","list":[null,null,true,null]}""",
            JsJson.Stringify(value));
    }
}
