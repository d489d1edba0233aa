using System.Text.Json;
using System.Text.Json.Nodes;

namespace SopBot.Benchmarks;

internal enum CardKind
{
    /// <summary>One core element with its inputs and a Save action (cards/checkin-element.json).</summary>
    Element,

    /// <summary>The summary per pillar with an Open action per element (cards/checkin-summary.json).</summary>
    Summary,

    /// <summary>Any other card, such as a "Nothing was saved" message.</summary>
    Other,
}

/// <summary>What the benchmark reads from a card the bot returned: its kind, element and notice.</summary>
internal sealed class CheckInCard
{
    private const string SaveVerb = "checkin.save";
    private const string OpenVerb = "checkin.open";

    private readonly JsonObject _card;

    private CheckInCard(JsonObject card, CardKind kind, JsonObject? saveData, int? element, string? noticeStyle)
    {
        _card = card;
        Kind = kind;
        SaveData = saveData;
        Element = element;
        NoticeStyle = noticeStyle;
    }

    public CardKind Kind { get; }

    /// <summary>The data of the card's Save action: element, country, quarter and the answer's version (its ETag).</summary>
    public JsonObject? SaveData { get; }

    public int? Element { get; }

    /// <summary>
    /// The container style of the notice above the element: "warning" when another member saved
    /// it first (an ETag conflict), "attention" for a rejected input, null when there is no notice.
    /// </summary>
    public string? NoticeStyle { get; }

    public bool IsConflict => Kind == CardKind.Element && NoticeStyle == "warning";

    public static CheckInCard Read(JsonObject card)
    {
        var nodes = Nodes(card).OfType<JsonObject>().ToList();
        var save = nodes.FirstOrDefault(node => Text(node["verb"]) == SaveVerb)?["data"] as JsonObject;
        if (save is not null)
        {
            var element = save["element"] is JsonValue value && value.TryGetValue<int>(out var number) ? number : (int?)null;
            var notice = nodes
                .Where(node => Text(node["type"]) == "Container")
                .Select(node => Text(node["style"]))
                .FirstOrDefault(style => style is "warning" or "attention");
            return new CheckInCard(card, CardKind.Element, save, element, notice);
        }

        var kind = nodes.Any(node => Text(node["verb"]) == OpenVerb) ? CardKind.Summary : CardKind.Other;
        return new CheckInCard(card, kind, null, null, null);
    }

    /// <summary>Returns the data of the summary's Open action for this element, or null when the card has none.</summary>
    public JsonObject? OpenData(int element) =>
        Nodes(_card).OfType<JsonObject>()
            .Where(node => Text(node["verb"]) == OpenVerb)
            .Select(node => node["data"] as JsonObject)
            .FirstOrDefault(data => data?["element"] is JsonValue value && value.TryGetValue<int>(out var number) && number == element);

    /// <summary>Describes the card in a few words for error messages, such as "the element 4 card with a warning notice".</summary>
    public string Describe() => Kind switch
    {
        CardKind.Element when NoticeStyle is not null => $"the element {Element} card with a {NoticeStyle} notice",
        CardKind.Element => $"the element {Element} card",
        CardKind.Summary => "the summary card",
        _ => $"another card (\"{FirstText()}\")",
    };

    private string FirstText()
    {
        var text = Nodes(_card).OfType<JsonObject>().Select(node => Text(node["text"])).FirstOrDefault(value => !string.IsNullOrEmpty(value)) ?? string.Empty;
        return text.Length <= 60 ? text : text[..60] + "…";
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static IEnumerable<JsonNode> Nodes(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(property => property.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in Nodes(child))
            {
                yield return descendant;
            }
        }
    }
}
