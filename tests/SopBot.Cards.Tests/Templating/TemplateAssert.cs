using System.Text.Json.Nodes;
using SopBot.Cards.Templating;
using SopBot.Cards.Tests.Oracle;

namespace SopBot.Cards.Tests.Templating;

/// <summary>Shortcuts for expanding small templates in unit tests.</summary>
internal static class TemplateAssert
{
    public static JsonObject Expand(string template, string data = "{}", bool strict = false) =>
        CardTemplate.Parse(template).Expand(JsonNode.Parse(data), new TemplateExpansionOptions { Strict = strict });

    /// <summary>Expands {"value": VALUE} and returns the expanded "value", or <see cref="Removed"/> when expansion removed it.</summary>
    public static JsonNode? ExpandValue(string value, string data = "{}", bool strict = false)
    {
        var template = new JsonObject { ["value"] = value }.ToJsonString();
        var result = Expand(template, data, strict);
        return result.TryGetPropertyValue("value", out var expanded) ? expanded : Removed;
    }

    /// <summary>Marker that <see cref="ExpandValue"/> returns when the property was removed from the output.</summary>
    public static JsonNode Removed { get; } = JsonValue.Create("<removed>");

    /// <summary>Asserts that two JSON values are equal, comparing numbers by value and properties in any order.</summary>
    public static void JsonEqual(string expectedJson, JsonNode? actual)
    {
        var difference = JsonComparison.FindDifference(JsonNode.Parse(expectedJson), actual);
        Assert.True(difference is null, difference);
    }
}
