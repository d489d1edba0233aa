using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SopBot.Cards.Templating.Runtime;

/// <summary>Conversions between System.Text.Json and the JavaScript values used during expansion.</summary>
internal static class JsJson
{
    /// <summary>Converts parsed JSON into JavaScript values, as JSON.parse would produce them.</summary>
    public static object? FromElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = new List<KeyValuePair<string, object?>>();
                foreach (var property in element.EnumerateObject())
                {
                    properties.Add(new(property.Name, FromElement(property.Value)));
                }

                return JsObject.FromProperties(properties);

            case JsonValueKind.Array:
                var items = new object?[element.GetArrayLength()];
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items[index++] = FromElement(item);
                }

                return new JsArray(items);

            case JsonValueKind.String:
                return element.GetString();

            case JsonValueKind.Number:
                return ParseNumber(element.GetRawText());

            case JsonValueKind.True:
                return true;

            case JsonValueKind.False:
                return false;

            default:
                return null;
        }
    }

    /// <summary>Converts a JSON node tree into JavaScript values. A null node is JSON null.</summary>
    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;

            case JsonObject jsonObject:
                var properties = new List<KeyValuePair<string, object?>>(jsonObject.Count);
                foreach (var (name, propertyNode) in jsonObject)
                {
                    properties.Add(new(name, FromNode(propertyNode)));
                }

                return JsObject.FromProperties(properties);

            case JsonArray jsonArray:
                var items = new object?[jsonArray.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = FromNode(jsonArray[i]);
                }

                return new JsArray(items);

            default:
                var value = node.AsValue();
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        return value.GetValue<string>();

                    case JsonValueKind.Number:
                        return value.TryGetValue<double>(out var number) ? number : ParseNumber(value.ToJsonString());

                    case JsonValueKind.True:
                        return true;

                    case JsonValueKind.False:
                        return false;

                    case JsonValueKind.Null:
                        return null;

                    default:
                        // A JsonValue that wraps a CLR object: read it back through its JSON text.
                        using (var document = JsonDocument.Parse(value.ToJsonString()))
                        {
                            return FromElement(document.RootElement);
                        }
                }
        }
    }

    // double.Parse returns ±Infinity for numbers beyond the double range, like JSON.parse.
    private static double ParseNumber(string text) =>
        double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// Converts an expanded value to a JSON node as JSON.stringify would write it: NaN and
    /// infinities become null, -0 becomes 0 and undefined array items become null. Returns
    /// null for JSON null and for undefined.
    /// </summary>
    public static JsonNode? ToNode(object? value)
    {
        switch (value)
        {
            case null or Undefined:
                return null;

            case string text:
                return JsonValue.Create(text);

            case bool flag:
                return JsonValue.Create(flag);

            case double number:
                if (!double.IsFinite(number))
                {
                    return null;
                }

                return JsonValue.Create(number == 0 ? 0.0 : number);

            case JsArray array:
                var jsonArray = new JsonArray();
                foreach (var item in array.Items)
                {
                    jsonArray.Add(ToNode(item));
                }

                return jsonArray;

            case JsObject jsObject:
                var result = new JsonObject();
                for (var i = 0; i < jsObject.Count; i++)
                {
                    var propertyValue = jsObject.ValueAt(i);
                    if (propertyValue is not Undefined)
                    {
                        result[jsObject.KeyAt(i)] = ToNode(propertyValue);
                    }
                }

                return result;

            default:
                throw new InvalidOperationException($"Value of type {value.GetType().Name} is not a JavaScript value.");
        }
    }

    /// <summary>JSON.stringify without indentation, for objects, arrays and the values inside them.</summary>
    public static string Stringify(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null or Undefined:
                builder.Append("null");
                break;

            case string text:
                WriteString(builder, text);
                break;

            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;

            case double number:
                builder.Append(double.IsFinite(number) ? JsConversions.NumberToString(number) : "null");
                break;

            case JsArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, array[i]);
                }

                builder.Append(']');
                break;

            case JsObject jsObject:
                builder.Append('{');
                var first = true;
                for (var i = 0; i < jsObject.Count; i++)
                {
                    var propertyValue = jsObject.ValueAt(i);
                    if (propertyValue is Undefined)
                    {
                        continue;
                    }

                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteString(builder, jsObject.KeyAt(i));
                    builder.Append(':');
                    Write(builder, propertyValue);
                }

                builder.Append('}');
                break;
        }
    }

    // JSON.stringify escapes only quotes, backslashes, control characters and lone surrogates.
    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            switch (character)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    var isPairedHigh = char.IsHighSurrogate(character) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                    var isPairedLow = char.IsLowSurrogate(character) && i > 0 && char.IsHighSurrogate(text[i - 1]);
                    if (character < 0x20 || (char.IsSurrogate(character) && !isPairedHigh && !isPairedLow))
                    {
                        builder.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(character);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
