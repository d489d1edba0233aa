using System.Text.Json;
using System.Text.Json.Nodes;

namespace SopBot.IntegrationTests.Support;

/// <summary>
/// Teams-shaped activities from one user, in a personal chat with the bot or, after
/// <see cref="InTeam"/>, in a team's channel.
/// </summary>
public sealed class ActivityBuilder(string serviceUrl, string aadObjectId, string name, string locale = "en-US", string tenantId = ActivityBuilder.DefaultTenant)
{
    /// <summary>The tenant of every activity unless another is given; BotHost allows it.</summary>
    public const string DefaultTenant = "3f12997e-6ce9-4b89-804a-3320bce72234";

    private TeamScope? _team;

    public string ConversationId => _team is null ? "a:personal-" + aadObjectId : (_team.ChannelId ?? _team.TeamId) + ";messageid=1700000000000";

    /// <summary>
    /// Returns a builder for the same user in a team's channel (null for General, whose id is the
    /// team id). Messages there carry channelData.team and channelData.channel, as in Teams.
    /// </summary>
    public ActivityBuilder InTeam(string teamId, string? channelId = null) =>
        new(serviceUrl, aadObjectId, name, locale, tenantId) { _team = new TeamScope(teamId, channelId) };

    public JsonObject Message(string text, string? id = null) => Base("message", id).With("text", text);

    /// <summary>A message that @mentions the bot, as a channel message must: "&lt;at&gt;SopBot&lt;/at&gt; text".</summary>
    public JsonObject MentionMessage(string text) =>
        Base("message", null)
            .With("text", "<at>SopBot</at> " + text)
            .With("entities", new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>SopBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = "28:sopbot", ["name"] = "SopBot" },
            }));

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
        ["conversation"] = new JsonObject
        {
            ["id"] = ConversationId,
            ["conversationType"] = _team is null ? "personal" : "channel",
            ["isGroup"] = _team is not null,
            ["tenantId"] = tenantId,
        },
        ["channelData"] = ChannelData(),
    };

    /// <summary>A message that carries a file the user sent, as Teams delivers it: the download URL and the file type.</summary>
    public JsonObject FileMessage(string fileName, string downloadUrl) =>
        Base("message", null).With("attachments", new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["name"] = fileName,
            ["contentUrl"] = downloadUrl,
            ["content"] = new JsonObject
            {
                ["downloadUrl"] = downloadUrl,
                ["uniqueId"] = Guid.NewGuid().ToString(),
                ["fileType"] = Path.GetExtension(fileName).TrimStart('.'),
            },
        }));

    private JsonObject ChannelData()
    {
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } };
        if (_team is not null)
        {
            channelData["team"] = new JsonObject { ["id"] = _team.TeamId, ["name"] = "UNCT Brazil" };
            channelData["channel"] = new JsonObject { ["id"] = _team.ChannelId ?? _team.TeamId };
        }

        return channelData;
    }

    private sealed record TeamScope(string TeamId, string? ChannelId);
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
