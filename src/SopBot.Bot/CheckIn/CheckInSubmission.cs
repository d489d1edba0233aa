using System.Text.Json;
using SopBot.Domain.CheckIns;

namespace SopBot.Bot.CheckIn;

/// <summary>
/// Reads the data a check-in card sends back into a <see cref="CheckInRequest"/>. Only the
/// fields our cards send are accepted, each with its JSON type. Any other field, such as a
/// "role" or "aadObjectId" that someone added, rejects the whole submission.
/// </summary>
public static class CheckInSubmission
{
    /// <summary>Card verbs and the check-in action each one asks for.</summary>
    public static IReadOnlyDictionary<string, CheckInAction> Verbs { get; } = new Dictionary<string, CheckInAction>(StringComparer.Ordinal)
    {
        ["checkin.save"] = CheckInAction.Save,
        ["checkin.back"] = CheckInAction.Back,
        ["checkin.skip"] = CheckInAction.Skip,
        ["checkin.pause"] = CheckInAction.Pause,
        ["checkin.open"] = CheckInAction.Open,
        ["checkin.summary"] = CheckInAction.Summary,
    };

    private static readonly HashSet<string> TextFields =
        ["country", "quarter", "version", "status", "note", "termsOfReference", "productOrLink", "contactRole"];

    /// <summary>Parses the card data; on failure <paramref name="problem"/> names the offending field in plain words.</summary>
    public static bool TryParse(CheckInAction action, JsonElement data, out CheckInRequest? request, out string? problem)
    {
        request = null;
        if (data.ValueKind != JsonValueKind.Object)
        {
            problem = "the data is not a JSON object";
            return false;
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            if (values.ContainsKey(property.Name))
            {
                problem = $"the field \"{Shorten(property.Name)}\" appears twice";
                return false;
            }

            if (property.Name == "element")
            {
                if (property.Value.ValueKind is not (JsonValueKind.Number or JsonValueKind.String))
                {
                    problem = "the field \"element\" is not a number";
                    return false;
                }

                values["element"] = property.Value.ValueKind == JsonValueKind.Number ? property.Value.GetRawText() : property.Value.GetString();
                continue;
            }

            if (!TextFields.Contains(property.Name))
            {
                problem = $"the field \"{Shorten(property.Name)}\" is not one the check-in accepts";
                return false;
            }

            if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                problem = $"the field \"{property.Name}\" is not text";
                return false;
            }

            values[property.Name] = property.Value.GetString();
        }

        request = new CheckInRequest(
            action,
            values.GetValueOrDefault("element"),
            values.GetValueOrDefault("country"),
            values.GetValueOrDefault("quarter"),
            values.GetValueOrDefault("version"),
            values.GetValueOrDefault("status"),
            values.GetValueOrDefault("note"),
            values.GetValueOrDefault("termsOfReference"),
            values.GetValueOrDefault("productOrLink"),
            values.GetValueOrDefault("contactRole"));
        problem = null;
        return true;
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
