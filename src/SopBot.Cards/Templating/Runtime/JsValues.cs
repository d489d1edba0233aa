namespace SopBot.Cards.Templating.Runtime;

// Values during expansion follow the JavaScript data model of the reference engine
// (adaptivecards-templating 2.3.1 on adaptive-expressions 4.23): null, Undefined.Value,
// double, string, bool, JsArray and JsObject. Every number is a double, as in JavaScript.

/// <summary>JavaScript's <c>undefined</c>: a value that is absent, which differs from JSON null.</summary>
internal sealed class Undefined
{
    public static readonly Undefined Value = new();

    private Undefined()
    {
    }

    public override string ToString() => "undefined";
}

/// <summary>An immutable JavaScript array.</summary>
internal sealed class JsArray(object?[] items)
{
    public static readonly JsArray Empty = new([]);

    public int Count => items.Length;

    public object? this[int index] => items[index];

    public IReadOnlyList<object?> Items => items;
}

/// <summary>
/// An immutable JavaScript object. Property order follows JavaScript: keys that are array
/// indexes ("0", "1", ...) come first in ascending order, then the other keys in insertion order.
/// </summary>
internal sealed class JsObject
{
    private readonly string[] keys;
    private readonly object?[] values;

    // Lower-case key to the position of its first key, built on the first lookup. Two threads
    // may build it at once, which is harmless because both build equal indexes.
    private Dictionary<string, int>? lowerCaseIndex;

    private JsObject(string[] keys, object?[] values)
    {
        this.keys = keys;
        this.values = values;
    }

    public int Count => keys.Length;

    public string KeyAt(int position) => keys[position];

    public object? ValueAt(int position) => values[position];

    /// <summary>
    /// Creates an object from properties in source order. A repeated key keeps the position of
    /// its first occurrence and the value of its last, as JSON.parse does.
    /// </summary>
    public static JsObject FromProperties(IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var indexKeys = new List<(uint Index, string Key)>();
        var otherKeys = new List<string>();
        var valuesByKey = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            if (!valuesByKey.ContainsKey(key))
            {
                if (TryParseArrayIndex(key, out var index))
                {
                    indexKeys.Add((index, key));
                }
                else
                {
                    otherKeys.Add(key);
                }
            }

            valuesByKey[key] = value;
        }

        indexKeys.Sort((left, right) => left.Index.CompareTo(right.Index));
        var orderedKeys = new string[indexKeys.Count + otherKeys.Count];
        var position = 0;
        foreach (var (_, key) in indexKeys)
        {
            orderedKeys[position++] = key;
        }

        foreach (var key in otherKeys)
        {
            orderedKeys[position++] = key;
        }

        var orderedValues = new object?[orderedKeys.Length];
        for (var i = 0; i < orderedKeys.Length; i++)
        {
            orderedValues[i] = valuesByKey[orderedKeys[i]];
        }

        return new JsObject(orderedKeys, orderedValues);
    }

    /// <summary>Looks a key up by exact, ordinal comparison.</summary>
    public bool TryGetValue(string key, out object? value)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            if (string.Equals(keys[i], key, StringComparison.Ordinal))
            {
                value = values[i];
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>
    /// Looks a key up ignoring case and returns the first matching key in property order,
    /// which is how adaptive-expressions reads object properties.
    /// </summary>
    /// <remarks>
    /// NOTE: keys are compared with .NET's invariant lower-case mapping, while JavaScript's
    /// toLowerCase also applies the multi-character mappings of Unicode SpecialCasing.txt. The
    /// two differ only for a few characters such as U+0130.
    /// </remarks>
    public bool TryGetValueIgnoreCase(string key, out object? value)
    {
        var index = Volatile.Read(ref lowerCaseIndex);
        if (index is null)
        {
            index = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
            for (var i = 0; i < keys.Length; i++)
            {
                index.TryAdd(keys[i].ToLowerInvariant(), i);
            }

            Volatile.Write(ref lowerCaseIndex, index);
        }

        if (index.TryGetValue(key.ToLowerInvariant(), out var position))
        {
            value = values[position];
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>
    /// Checks whether a key is a JavaScript array index: "0" or a decimal without leading zeros
    /// below 2^32 - 1. JavaScript lists such keys first, in numeric order.
    /// </summary>
    private static bool TryParseArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length == 0 || key.Length > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return false;
        }

        ulong value = 0;
        foreach (var character in key)
        {
            if (!char.IsAsciiDigit(character))
            {
                return false;
            }

            value = (value * 10) + (ulong)(character - '0');
        }

        if (value >= uint.MaxValue)
        {
            return false;
        }

        index = (uint)value;
        return true;
    }
}
