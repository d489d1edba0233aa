using SopBot.Cards.Templating;
using static SopBot.Cards.Tests.Templating.TemplateAssert;

namespace SopBot.Cards.Tests.Templating;

public sealed class StrictExpansionTests
{
    private const string Data = """
        {"name": "Ann", "approver": null, "note": null, "items": [{"title": "One"}], "owner": {"id": "u1"}}
        """;

    [Theory]
    [InlineData("Hello ${nmae}", "nmae", "$data has no property 'nmae'")]
    [InlineData("${owner.idd}", "owner.idd", "$data.owner has no property 'idd'")]
    [InlineData("${$root.owner.idd}", "$root.owner.idd", "$root.owner has no property 'idd'")]
    [InlineData("${items[1].title}", "items[1].title", "index 1 is past the end of $data.items, which has 1 item")]
    [InlineData("${items[1]}", "items[1]", "past the end of an array with 1 item")]
    [InlineData("#${$index}", "$index", "$index is defined only inside an element that $data repeats")]
    [InlineData("${$host}", "$host", "not a template variable")]
    [InlineData("${approver.name}", "approver.name", "$data.approver is null")]
    [InlineData("${count(nmae)}", "nmae", "has no property 'nmae'")]
    [InlineData("${owner['idd']}", "owner['idd']", "has no property 'idd'")]
    public void UnresolvedBinding_Throws(string value, string path, string reason)
    {
        var exception = Assert.Throws<UnresolvedBindingException>(() => ExpandValue(value, Data, strict: true));

        Assert.Equal(path, exception.Path);
        Assert.Equal("$.value", exception.Location);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.Contains(value, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${nmae}")]
    [InlineData("${items[1].title}")]
    [InlineData("#${$index}")]
    [InlineData("${approver.name}")]
    public void SameBindings_GiveTextWithoutStrict(string value)
    {
        var expanded = ExpandValue(value, Data, strict: false)!.GetValue<string>();

        Assert.Contains("${", expanded, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPropertyInCondition_Throws()
    {
        var exception = Assert.Throws<UnresolvedBindingException>(() =>
            Expand("""{"body": [{"$when": "${shwo}", "text": "x"}]}""", Data, strict: true));

        Assert.Equal("$.body[0].$when", exception.Location);
        Assert.Equal("shwo", exception.Path);
    }

    [Fact]
    public void MissingDataBinding_Throws()
    {
        var exception = Assert.Throws<UnresolvedBindingException>(() =>
            Expand("""{"body": [{"$data": "${itmes}", "text": "${title}"}]}""", Data, strict: true));

        Assert.Equal("$.body[0].$data", exception.Location);
    }

    [Fact]
    public void FailedPartOfText_Throws()
    {
        var exception = Assert.Throws<TemplateExpansionException>(() => ExpandValue("x ${div(1, 0)}", Data, strict: true));

        Assert.Contains("division by 0", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${approver == null}", "true")]
    [InlineData("${exists(approver)}", "false")]
    [InlineData("${empty(note)}", "true")]
    [InlineData("${approver != null && approver.name == 'x'}", "false")]
    [InlineData("${if(approver == null, 'none', approver.name)}", "\"none\"")]
    [InlineData("${coalesce(note, 'no note')}", "\"no note\"")]
    [InlineData("${note}", "null")]
    [InlineData("${contains(owner, 'missing')}", "false")]
    public void NullValues_AreAllowed(string value, string expected)
    {
        JsonEqual(expected, ExpandValue(value, Data, strict: true));
    }

    [Fact]
    public void NullStepInCondition_IsAllowed()
    {
        var result = Expand("""{"body": [{"$when": "${approver.name == 'x'}", "text": "x"}]}""", Data, strict: true);

        Assert.Empty(result["body"]!.AsArray());
    }

    [Fact]
    public void RepeatedElement_HasIndex()
    {
        var result = Expand("""{"body": [{"$data": "${items}", "text": "${$index}. ${title}"}]}""", Data, strict: true);

        JsonEqual("""{"body": [{"text": "0. One"}]}""", result);
    }
}
