using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SopBot.Cards.Templating.Expressions;
using SopBot.Cards.Templating.Nodes;
using SopBot.Cards.Templating.Runtime;

namespace SopBot.Cards.Templating;

/// <summary>
/// An Adaptive Card template in the Adaptive Card Templating language (${...}, $data, $when),
/// expanded with the semantics of the reference JavaScript engine, adaptivecards-templating 2.3.1.
/// </summary>
/// <remarks>
/// Parse a template once and reuse it: every expression is parsed up front, and Expand may be
/// called from many threads at once. Values that come from the data are never expanded again,
/// so text such as "${$root.secret}" in the data reaches the card unchanged.
/// </remarks>
public sealed class CardTemplate
{
    private static readonly JsonSerializerOptions OutputOptions = CreateOutputOptions();

    private readonly TemplateNode root;

    private CardTemplate(TemplateNode root)
    {
        this.root = root;
    }

    /// <summary>Parses template JSON, whose root must be an object.</summary>
    /// <exception cref="TemplateParseException">The JSON is invalid, or an expression is invalid or unsupported.</exception>
    public static CardTemplate Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new TemplateParseException($"The template is not valid JSON: {exception.Message}", "$", exception);
        }

        using (document)
        {
            return new CardTemplate(TemplateParser.ParseRoot(document.RootElement));
        }
    }

    /// <summary>Expands the template with JSON data as $root. A null node is JSON null.</summary>
    /// <exception cref="TemplateExpansionException">
    /// An expression failed, or the root object was removed or repeated by its own $when or $data.
    /// </exception>
    public JsonObject Expand(JsonNode? data, TemplateExpansionOptions? options = null) =>
        ExpandValue(JsJson.FromNode(data), options);

    /// <summary>
    /// Serializes <paramref name="data"/> with System.Text.Json, by default in camelCase, and
    /// expands the template with the result as $root. A JsonNode or JsonElement is used as is.
    /// </summary>
    /// <exception cref="TemplateExpansionException">
    /// An expression failed, or the root object was removed or repeated by its own $when or $data.
    /// </exception>
    public JsonObject Expand<T>(T data, TemplateExpansionOptions? options = null) =>
        ExpandValue(ToJsValue(data, options), options);

    /// <summary>Expands like <see cref="Expand(JsonNode?, TemplateExpansionOptions?)"/> and returns compact JSON text.</summary>
    public string ExpandToString(JsonNode? data, TemplateExpansionOptions? options = null) =>
        Expand(data, options).ToJsonString(OutputOptions);

    /// <summary>Expands like <see cref="Expand{T}(T, TemplateExpansionOptions?)"/> and returns compact JSON text.</summary>
    public string ExpandToString<T>(T data, TemplateExpansionOptions? options = null) =>
        Expand(data, options).ToJsonString(OutputOptions);

    private static object? ToJsValue<T>(T data, TemplateExpansionOptions? options)
    {
        switch (data)
        {
            case null:
                return null;
            case JsonNode node:
                return JsJson.FromNode(node);
            case JsonElement element:
                return JsJson.FromElement(element);
            case JsonDocument document:
                return JsJson.FromElement(document.RootElement);
            default:
                var serializerOptions = options?.SerializerOptions ?? TemplateExpansionOptions.DefaultSerializerOptions;
                return JsJson.FromElement(JsonSerializer.SerializeToElement(data, serializerOptions));
        }
    }

    private JsonObject ExpandValue(object? data, TemplateExpansionOptions? options)
    {
        var session = new ExpansionSession(options?.Strict ?? false);
        var result = root.Expand(new ExpansionScope(session, data));
        return result switch
        {
            JsObject card => (JsonObject)JsJson.ToNode(card)!,
            JsArray copies => throw new TemplateExpansionException(
                $"The root object's $data bound to an array of {copies.Count} items, so the template expanded to {copies.Count} objects instead of one card.",
                "$"),
            _ => throw new TemplateExpansionException(
                "The root object was removed by its $when condition or by a $data binding to an empty array, so the template expanded to nothing.",
                "$"),
        };
    }

    // Card JSON goes to Teams, not into HTML, so non-ASCII text and characters such as '<' stay readable.
    // NOTE: System.Text.Json writes a lone surrogate, which first() or last() can cut from an emoji,
    // as U+FFFD, where JSON.stringify writes an escape such as \ude00.
    private static JsonSerializerOptions CreateOutputOptions()
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
