using System.Text.Json;

namespace SopBot.Bot.Cards;

/// <summary>
/// Reads the data an Action.Execute sends back: a JSON object with only the named fields, each
/// text (or a number, read as text) within its length. Anything else rejects the submission,
/// with a reason that names the field.
/// </summary>
public static class CardDataReader
{
    /// <summary>Turns the Bot Framework's deserialized action data (a Newtonsoft token) into a JSON element.</summary>
    public static bool TryGetJson(object? data, out JsonElement element)
    {
        element = default;
        if (data is null)
        {
            return false;
        }

        try
        {
            var json = data as string ?? Newtonsoft.Json.JsonConvert.SerializeObject(data);
            using var document = JsonDocument.Parse(json);
            element = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static bool TryRead(
        object? data, IReadOnlyDictionary<string, int> maxLengths, out Dictionary<string, string> values, out string? problem)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!TryGetJson(data, out var element) || element.ValueKind != JsonValueKind.Object)
        {
            problem = "the data is missing or not a JSON object";
            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!maxLengths.TryGetValue(property.Name, out var maxLength))
            {
                problem = $"the field \"{Shorten(property.Name)}\" is not one this action accepts";
                return false;
            }

            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                _ => null,
            };
            if (text is null)
            {
                problem = $"the field \"{property.Name}\" is not text";
                return false;
            }

            if (text.Length > maxLength)
            {
                problem = $"the field \"{property.Name}\" is longer than {maxLength} characters";
                return false;
            }

            if (!values.TryAdd(property.Name, text))
            {
                problem = $"the field \"{property.Name}\" appears twice";
                return false;
            }
        }

        problem = null;
        return true;
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
