using System.Globalization;
using System.Text.Json.Nodes;

namespace SopBot.Benchmarks;

/// <summary>Teams-shaped activities from one member in a personal chat with the bot.</summary>
internal static class TeamsActivities
{
    /// <summary>The invoke that Teams sends when the member clicks an Action.Execute button with this verb and data.</summary>
    public static JsonObject Execute(string serviceUrl, BenchmarkMember member, string verb, JsonObject data) => new()
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["locale"] = member.Locale,
        ["from"] = new JsonObject { ["id"] = "29:" + member.AadObjectId, ["name"] = member.DisplayName, ["aadObjectId"] = member.AadObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:sopbot", ["name"] = "SopBot" },
        ["conversation"] = new JsonObject
        {
            ["id"] = "a:personal-" + member.AadObjectId,
            ["conversationType"] = "personal",
            ["tenantId"] = "tenant-benchmark",
        },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-benchmark" } },
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        },
    };
}
