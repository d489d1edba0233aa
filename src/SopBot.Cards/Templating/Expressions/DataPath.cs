using System.Globalization;
using SopBot.Cards.Templating.Runtime;

namespace SopBot.Cards.Templating.Expressions;

/// <summary>
/// Why a path lookup produced undefined, for strict expansion. Missing is set when the data lacks
/// what the path names, and NullOnPath when the path stepped into null or undefined.
/// </summary>
internal struct LookupFailure
{
    public string? Missing;
    public string? NullOnPath;

    public void SetMissing(string reason) => Missing ??= reason;

    public void SetNullOnPath(string reason) => NullOnPath ??= reason;
}

/// <summary>
/// Data paths such as "items[0].name" and the reads along them, following adaptive-expressions'
/// SimpleObjectMemory and the templating engine's memory, which prefixes "$data." to every path
/// that does not start with '$'.
/// </summary>
internal static class DataPath
{
    private static readonly char[] Separators = ['.', '[', ']'];

    /// <summary>Splits a path at runs of '.', '[' and ']' and removes the quotes around each part.</summary>
    public static string[] Split(string path)
    {
        var parts = path.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var quoted = (part.StartsWith('"') && part.EndsWith('"')) || (part.StartsWith('\'') && part.EndsWith('\''));
            if (quoted)
            {
                parts[i] = part.Length >= 2 ? part[1..^1] : "";
            }
        }

        return parts;
    }

    /// <summary>Splits a path read from the template scope, adding the "$data" part where the path implies it.</summary>
    public static string[] SplitScoped(string path) =>
        Split(path.Length > 0 && path[0] != '$' ? "$data." + path : path);

    /// <summary>Reads a path that starts at $root, $data or $index.</summary>
    public static object? ResolveScoped(ExpansionScope scope, string[] parts, ref LookupFailure failure)
    {
        if (parts.Length == 0)
        {
            return Undefined.Value;
        }

        var describe = scope.Session.Strict;
        object? start;
        switch (parts[0].ToLowerInvariant())
        {
            case "$root":
                start = scope.Root;
                break;

            case "$data":
                start = scope.Data;
                break;

            case "$index":
                start = scope.Index;
                if (start is Undefined && describe)
                {
                    failure.SetMissing("$index is defined only inside an element that $data repeats over an array");
                }

                break;

            default:
                if (describe)
                {
                    failure.SetMissing($"'{parts[0]}' is not a template variable; the variables are $root, $data and $index");
                }

                start = Undefined.Value;
                break;
        }

        return Walk(start, parts, 1, describe, ref failure);
    }

    /// <summary>Reads a path relative to a value, which is how a path after a function call is read.</summary>
    public static object? Resolve(object? start, string[] parts, bool describe, ref LookupFailure failure)
    {
        if (start is Undefined)
        {
            return Undefined.Value;
        }

        return Walk(start, parts, 0, describe, ref failure);
    }

    private static object? Walk(object? start, string[] parts, int firstPart, bool describe, ref LookupFailure failure)
    {
        var value = firstPart == 0 ? Undefined.Value : start;
        var current = start;
        for (var i = firstPart; i < parts.Length; i++)
        {
            var part = parts[i];
            var index = JsConversions.ParseInt(part);
            if (!double.IsNaN(index) && current is JsArray array)
            {
                if (index < 0 || index >= array.Count)
                {
                    if (describe)
                    {
                        failure.SetMissing($"index {part} is past the end of {Describe(parts, i)}, which has {Items(array.Count)}");
                    }

                    return Undefined.Value;
                }

                value = array[(int)index];
            }
            else
            {
                value = ReadProperty(current, part, out var notFound);
                if (describe && value is Undefined)
                {
                    if (notFound)
                    {
                        failure.SetMissing($"{Describe(parts, i)} has no property '{part}'");
                    }
                    else
                    {
                        failure.SetNullOnPath($"{Describe(parts, i)} is {JsConversions.ToJsString(current)}");
                    }
                }
            }

            current = value;
        }

        return value;
    }

    /// <summary>
    /// Reads a property as adaptive-expressions' accessProperty does: object keys match without
    /// regard to case, array and string positions are keys "0", "1", ..., and every falsy value
    /// has no properties. <paramref name="notFound"/> is set when the value is not null or
    /// undefined but lacks the property.
    /// </summary>
    public static object? ReadProperty(object? instance, string name, out bool notFound)
    {
        notFound = false;
        if (!JsConversions.IsTruthy(instance))
        {
            notFound = !JsConversions.IsNullish(instance);
            return Undefined.Value;
        }

        switch (instance)
        {
            case JsObject jsObject when jsObject.TryGetValueIgnoreCase(name, out var value):
                return value;

            case JsArray array when TryParsePosition(name, array.Count, out var position):
                return array[position];

            case string text when TryParsePosition(name, text.Length, out var position):
                return text[position].ToString();

            default:
                notFound = true;
                return Undefined.Value;
        }
    }

    /// <summary>Reads an array item as adaptive-expressions' accessIndex does. Null and undefined have no items and no error.</summary>
    public static Evaluation ReadIndex(object? instance, double index)
    {
        if (JsConversions.IsNullish(instance))
        {
            return Evaluation.Of(Undefined.Value);
        }

        if (instance is not JsArray array)
        {
            return Evaluation.Fail($"{JsConversions.ToJsString(instance)} is not an array, so it cannot be indexed.");
        }

        if (index < 0 || index >= array.Count)
        {
            return Evaluation.Fail($"Index {JsConversions.NumberToString(index)} is past the end of an array with {Items(array.Count)}.");
        }

        return Evaluation.Of(array[(int)index]);
    }

    // Accepts the canonical decimal text of a position below the count: "0", "1", ... but not "01".
    private static bool TryParsePosition(string text, int count, out int position)
    {
        position = -1;
        if (text.Length == 0 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (var character in text)
        {
            if (!char.IsAsciiDigit(character))
            {
                return false;
            }
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out position) && position < count;
    }

    private static string Describe(string[] parts, int end) => end == 0 ? "the value" : string.Join('.', parts, 0, end);

    private static string Items(int count) => count == 1 ? "1 item" : $"{count} items";
}
