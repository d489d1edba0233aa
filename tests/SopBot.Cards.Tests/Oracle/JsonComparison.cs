using System.Text.Json;
using System.Text.Json.Nodes;

namespace SopBot.Cards.Tests.Oracle;

/// <summary>Deep comparison of JSON values: numbers by value, object properties in any order, array items in order.</summary>
internal static class JsonComparison
{
    /// <summary>Returns a description of the first difference, or null when the values are equal.</summary>
    public static string? FindDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        var expectedKind = expected?.GetValueKind() ?? JsonValueKind.Null;
        var actualKind = actual?.GetValueKind() ?? JsonValueKind.Null;
        if (expectedKind != actualKind)
        {
            return $"{path}: expected {Show(expected)} but found {Show(actual)}";
        }

        switch (expected)
        {
            case null:
                return null;

            case JsonObject expectedObject:
                var actualObject = actual!.AsObject();
                foreach (var (name, expectedValue) in expectedObject)
                {
                    if (!actualObject.TryGetPropertyValue(name, out var actualValue))
                    {
                        return $"{path}: property '{name}' is missing; expected {Show(expectedValue)}";
                    }

                    var difference = FindDifference(expectedValue, actualValue, $"{path}.{name}");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                var extra = actualObject.Select(property => property.Key).FirstOrDefault(name => !expectedObject.ContainsKey(name));
                return extra is null ? null : $"{path}: unexpected property '{extra}' with {Show(actualObject[extra])}";

            case JsonArray expectedArray:
                var actualArray = actual!.AsArray();
                if (expectedArray.Count != actualArray.Count)
                {
                    return $"{path}: expected {expectedArray.Count} items but found {actualArray.Count}: expected {Show(expected)} but found {Show(actual)}";
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    var difference = FindDifference(expectedArray[i], actualArray[i], $"{path}[{i}]");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return null;

            default:
                var equal = expectedKind == JsonValueKind.Number
                    ? expected.GetValue<double>() == actual!.GetValue<double>()
                    : expected.ToJsonString() == actual!.ToJsonString();
                return equal ? null : $"{path}: expected {Show(expected)} but found {Show(actual)}";
        }
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";
}
