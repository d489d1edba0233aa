using System.Text.Json;
using SopBot.Cards.Templating.Expressions;
using SopBot.Cards.Templating.Runtime;

namespace SopBot.Cards.Templating.Nodes;

/// <summary>Turns template JSON into a tree of <see cref="TemplateNode"/>, parsing every expression once.</summary>
internal static class TemplateParser
{
    private const string DataKey = "$data";
    private const string WhenKey = "$when";

    // Keys the reference engine reads or reserves and leaves out of the output.
    private static readonly HashSet<string> ReservedKeys =
        new(StringComparer.Ordinal) { DataKey, WhenKey, "$root", "$index", "$host", "$_acTemplateVersion" };

    public static TemplateNode ParseRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new TemplateParseException(
                $"A card template must be a JSON object, but this template is a JSON {root.ValueKind.ToString().ToLowerInvariant()}.",
                "$");
        }

        return Parse(root, "$");
    }

    private static TemplateNode Parse(JsonElement element, string location)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return ParseObject(element, location);

            case JsonValueKind.Array:
                var items = new List<TemplateNode>(element.GetArrayLength());
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items.Add(Parse(item, $"{location}[{index++}]"));
                }

                return new ArrayNode(items, location);

            case JsonValueKind.String:
                return ParseString(element.GetString()!, location);

            default:
                return new LiteralNode(JsJson.FromElement(element), location);
        }
    }

    private static ObjectNode ParseObject(JsonElement element, string location)
    {
        // JSON.parse keeps the last value of a repeated key at the position of the first.
        var order = new List<string>();
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!values.ContainsKey(property.Name))
            {
                order.Add(property.Name);
            }

            values[property.Name] = property.Value;
        }

        TemplateNode? dataBinding = null;
        if (values.TryGetValue(DataKey, out var data))
        {
            dataBinding = ParseDataBinding(data, $"{location}.{DataKey}");
        }

        TemplateNode? whenCondition = null;
        if (values.TryGetValue(WhenKey, out var when))
        {
            var whenLocation = $"{location}.{WhenKey}";
            whenCondition = when.ValueKind == JsonValueKind.String && ContainsExpression(when.GetString()!)
                ? ParseString(when.GetString()!, whenLocation)
                : new LiteralNode(JsJson.FromElement(when), whenLocation);
        }

        var properties = new List<KeyValuePair<string, TemplateNode>>();
        foreach (var name in order)
        {
            if (!ReservedKeys.Contains(name))
            {
                properties.Add(new(name, Parse(values[name], PropertyLocation(location, name))));
            }
        }

        return new ObjectNode(properties, dataBinding, whenCondition, location);
    }

    /// <summary>
    /// Parses $data. A string with ${...} is an expression, and any other value is data as written.
    /// </summary>
    private static TemplateNode ParseDataBinding(JsonElement data, string location)
    {
        if (data.ValueKind == JsonValueKind.String && ContainsExpression(data.GetString()!))
        {
            return ParseString(data.GetString()!, location);
        }

        if (FindExpressionInLiteral(data) is { } expressionText)
        {
            // The reference engine would bind to its internal expression objects here.
            throw new TemplateParseException(
                $"The $data value at {location} is literal data that contains the expression \"{expressionText}\". "
                + "Literal $data must be plain data; bind $data to an expression such as \"${items}\" instead.",
                location);
        }

        return new LiteralNode(JsJson.FromElement(data), location);
    }

    private static TemplateNode ParseString(string value, string location)
    {
        if (!ContainsExpression(value))
        {
            return new LiteralNode(value, location);
        }

        try
        {
            return new ExpressionNode(InterpolationParser.Parse(value), value, location);
        }
        catch (ExpressionSyntaxException exception)
        {
            throw new TemplateParseException($"The template value \"{value}\" at {location} is invalid. {exception.Message}", location, exception);
        }
    }

    private static bool ContainsExpression(string value) => value.Contains("${", StringComparison.Ordinal);

    private static string? FindExpressionInLiteral(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString()!;
                return ContainsExpression(text) ? text : null;

            case JsonValueKind.Array:
                return element.EnumerateArray().Select(FindExpressionInLiteral).FirstOrDefault(found => found is not null);

            case JsonValueKind.Object:
                return element.EnumerateObject().Select(property => FindExpressionInLiteral(property.Value)).FirstOrDefault(found => found is not null);

            default:
                return null;
        }
    }

    private static string PropertyLocation(string parent, string name)
    {
        var isPlainName = name.Length > 0
            && (char.IsAsciiLetter(name[0]) || name[0] is '_' or '$')
            && name.All(character => char.IsAsciiLetterOrDigit(character) || character is '_' or '$');
        return isPlainName ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
    }
}
