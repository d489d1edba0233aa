using System.Text.Json;
using System.Text.Json.Nodes;

namespace SopBot.IntegrationTests.Support;

/// <summary>Teams-shaped activities from one user in a personal chat with the bot.</summary>
public sealed class ActivityBuilder(string serviceUrl, string aadObjectId, string name, string locale = "en-US")
{
    public string ConversationId { get; } = "a:personal-" + aadObjectId;

    public JsonObject Message(string text, string? id = null) => Base("message", id).With("text", text);

    public JsonObject Execute(string verb, object? data) =>
        Base("invoke", null)
            .With("name", "adaptiveCard/action")
            .With("value", new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["verb"] = verb,
                    ["data"] = data is null ? null : JsonSerializer.SerializeToNode(data),
                },
                ["trigger"] = "manual",
            });

    public JsonObject Base(string type, string? id) => new()
    {
        ["type"] = type,
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["locale"] = locale,
        ["from"] = new JsonObject { ["id"] = "29:" + aadObjectId, ["name"] = name, ["aadObjectId"] = aadObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:sopbot", ["name"] = "SopBot" },
        ["conversation"] = new JsonObject { ["id"] = ConversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    };
}

internal static class JsonObjectExtensions
{
    public static JsonObject With(this JsonObject target, string name, JsonNode? value)
    {
        target[name] = value;
        return target;
    }

    /// <summary>Every string value in the card joined by new lines, for assertions that do not depend on its layout.</summary>
    public static string AllText(this JsonNode card) => string.Join("\n", Strings(card));

    /// <summary>The value of the input with this id.</summary>
    public static string? InputValue(this JsonNode card, string id) =>
        (string?)Nodes(card).OfType<JsonObject>().FirstOrDefault(node => (string?)node["id"] == id)?["value"];

    /// <summary>The data of the first action with this verb, or null when the card has none.</summary>
    public static JsonObject? ActionData(this JsonNode card, string verb) =>
        Nodes(card).OfType<JsonObject>().FirstOrDefault(node => (string?)node["verb"] == verb)?["data"]?.AsObject();

    public static IEnumerable<JsonNode> Nodes(JsonNode? node)
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

    private static IEnumerable<string> Strings(JsonNode card) =>
        Nodes(card).OfType<JsonValue>().Where(value => value.GetValueKind() == JsonValueKind.String).Select(value => value.GetValue<string>());
}
