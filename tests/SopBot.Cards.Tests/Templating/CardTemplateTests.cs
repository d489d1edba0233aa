using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SopBot.Cards.Templating;
using static SopBot.Cards.Tests.Templating.TemplateAssert;

namespace SopBot.Cards.Tests.Templating;

public sealed class CardTemplateTests
{
    private const string Card = """
        {
          "type": "AdaptiveCard",
          "version": "1.5",
          "body": [
            {"type": "TextBlock", "text": "Check-in for ${countryName}"},
            {"type": "FactSet", "facts": [{"$data": "${elements}", "title": "${elementName}", "value": "${status}"}]},
            {"type": "TextBlock", "$when": "${note != null}", "text": "Note: ${note}"}
          ]
        }
        """;

    private sealed record Element(string ElementName, string Status);

    private sealed record CheckIn(string CountryName, IReadOnlyList<Element> Elements, string? Note);

    private enum Colour
    {
        Red,
        Blue,
    }

    private sealed record Painted(Colour Colour, [property: JsonPropertyName("custom_name")] string Name);

    [Fact]
    public void TypedData_IsSerializedInCamelCase()
    {
        var template = CardTemplate.Parse(Card);
        var data = new CheckIn("Kenya", [new Element("Governance", "Achieved"), new Element("Budget", "Planned")], null);

        var card = template.Expand(data, new TemplateExpansionOptions { Strict = true });

        JsonEqual(
            """
            {
              "type": "AdaptiveCard",
              "version": "1.5",
              "body": [
                {"type": "TextBlock", "text": "Check-in for Kenya"},
                {"type": "FactSet", "facts": [{"title": "Governance", "value": "Achieved"}, {"title": "Budget", "value": "Planned"}]}
              ]
            }
            """,
            card);
    }

    [Fact]
    public void SerializerOptions_CanBeReplaced()
    {
        var template = CardTemplate.Parse("""{"colour": "${colour}", "name": "${custom_name}"}""");
        var options = new TemplateExpansionOptions
        {
            SerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } },
        };

        var card = template.Expand(new Painted(Colour.Blue, "sky"), options);

        JsonEqual("""{"colour": "Blue", "name": "sky"}""", card);
    }

    [Fact]
    public void DefaultSerializer_WritesEnumsAsNumbers()
    {
        var card = CardTemplate.Parse("""{"colour": "${colour}"}""").Expand(new Painted(Colour.Blue, "sky"));

        JsonEqual("""{"colour": 1}""", card);
    }

    [Fact]
    public void JsonInputs_AreUsedAsIs()
    {
        var template = CardTemplate.Parse("""{"text": "${Name}"}""");
        var node = JsonNode.Parse("""{"Name": "Node"}""")!.AsObject();
        using var elementDocument = JsonDocument.Parse("""{"Name": "Element"}""");
        using var document = JsonDocument.Parse("""{"Name": "Doc"}""");

        Assert.Equal("Node", template.Expand(node)["text"]!.GetValue<string>());
        Assert.Equal("Element", template.Expand(elementDocument.RootElement)["text"]!.GetValue<string>());
        Assert.Equal("Doc", template.Expand(document)["text"]!.GetValue<string>());
    }

    [Fact]
    public void NullData_IsJsonNull()
    {
        var card = CardTemplate.Parse("""{"text": "${$root}", "missing": "${name}"}""").Expand((JsonNode?)null);

        JsonEqual("""{"text": null, "missing": "${name}"}""", card);
    }

    [Fact]
    public void ExpandToString_ReturnsCompactJson()
    {
        var json = CardTemplate.Parse("""{ "type" : "AdaptiveCard", "text": "<b>${name}</b>" }""").ExpandToString(new { name = "Zoë" });

        Assert.Equal("""{"type":"AdaptiveCard","text":"<b>Zoë</b>"}""", json);
    }

    [Fact]
    public void Expand_ReturnsNewObjectEachTime()
    {
        var template = CardTemplate.Parse("""{"list": "${items}"}""");
        var data = JsonNode.Parse("""{"items": [1, 2]}""");

        var first = template.Expand(data);
        first["list"]!.AsArray().Add(3);
        var second = template.Expand(data);

        Assert.Equal(2, second["list"]!.AsArray().Count);
        Assert.Equal(2, data!["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Expand_IsThreadSafe()
    {
        var template = CardTemplate.Parse(Card);
        var tasks = Enumerable.Range(0, 64).Select(i => Task.Run(() =>
        {
            var data = new CheckIn($"Country {i}", [new Element($"Element {i}", "Achieved")], i % 2 == 0 ? null : $"note {i}");
            var card = template.Expand(data, new TemplateExpansionOptions { Strict = true });
            return (i, card);
        }));

        foreach (var (i, card) in await Task.WhenAll(tasks))
        {
            var body = card["body"]!.AsArray();
            Assert.Equal($"Check-in for Country {i}", body[0]!["text"]!.GetValue<string>());
            Assert.Equal($"Element {i}", body[1]!["facts"]![0]!["title"]!.GetValue<string>());
            Assert.Equal(i % 2 == 0 ? 2 : 3, body.Count);
        }
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("\"text\"", "must be a JSON object")]
    public void InvalidTemplate_IsRejected(string json, string messagePart)
    {
        var exception = Assert.Throws<TemplateParseException>(() => CardTemplate.Parse(json));

        Assert.Contains(messagePart, exception.Message, StringComparison.Ordinal);
        Assert.Equal("$", exception.Location);
    }

    [Fact]
    public void ParseError_NamesLocationAndValue()
    {
        var exception = Assert.Throws<TemplateParseException>(() =>
            CardTemplate.Parse("""{"body": [{"type": "TextBlock"}, {"items": [{"text": "Hi ${name +}"}]}]}"""));

        Assert.Equal("$.body[1].items[0].text", exception.Location);
        Assert.Contains("Hi ${name +}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedKey_KeepsLastValue()
    {
        JsonEqual("""{"a": 2, "b": 3}""", Expand("""{"a": 1, "b": 3, "a": 2}"""));
    }
}
