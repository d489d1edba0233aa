namespace SopBot.Cards.Templating.Runtime;

/// <summary>The equality of adaptive-expressions' == and equals(), and the comparison of &lt; and &gt;.</summary>
internal static class JsEquality
{
    /// <summary>
    /// FunctionUtils.commonEquals: null equals undefined, arrays compare item by item, objects
    /// compare deeply, numbers closer than Number.EPSILON are equal, and other values must be
    /// strictly equal (so 1 does not equal '1').
    /// </summary>
    public static bool CommonEquals(object? left, object? right)
    {
        if (JsConversions.IsNullish(left) || JsConversions.IsNullish(right))
        {
            return JsConversions.IsNullish(left) && JsConversions.IsNullish(right);
        }

        if (left is JsArray leftArray && right is JsArray rightArray)
        {
            if (leftArray.Count != rightArray.Count)
            {
                return false;
            }

            for (var i = 0; i < leftArray.Count; i++)
            {
                if (!CommonEquals(leftArray[i], rightArray[i]))
                {
                    return false;
                }
            }

            return true;
        }

        if (left is JsObject leftObject && right is JsObject rightObject)
        {
            return DeepStrictEquals(leftObject, rightObject);
        }

        if (left is double leftNumber && right is double rightNumber
            && Math.Abs(leftNumber - rightNumber) < JsConversions.NumberEpsilon)
        {
            return true;
        }

        return StrictEquals(left, right);
    }

    /// <summary>JavaScript's === operator.</summary>
    private static bool StrictEquals(object? left, object? right) => (left, right) switch
    {
        (double a, double b) => a == b,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (bool a, bool b) => a == b,
        _ => ReferenceEquals(left, right),
    };

    /// <summary>lodash isEqual on JSON-like data: exact deep equality where NaN equals NaN.</summary>
    private static bool DeepStrictEquals(object? left, object? right)
    {
        switch (left, right)
        {
            case (double a, double b):
                return a == b || (double.IsNaN(a) && double.IsNaN(b));

            case (JsArray a, JsArray b):
                if (a.Count != b.Count)
                {
                    return false;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (!DeepStrictEquals(a[i], b[i]))
                    {
                        return false;
                    }
                }

                return true;

            case (JsObject a, JsObject b):
                if (a.Count != b.Count)
                {
                    return false;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (!b.TryGetValue(a.KeyAt(i), out var otherValue) || !DeepStrictEquals(a.ValueAt(i), otherValue))
                    {
                        return false;
                    }
                }

                return true;

            default:
                return StrictEquals(left, right);
        }
    }

    /// <summary>
    /// Orders two numbers or two strings, the only pairs that &lt;, &gt;, &lt;= and &gt;= accept. Strings
    /// compare by UTF-16 code unit, as in JavaScript. Returns null for any other pair.
    /// </summary>
    public static int? Compare(object? left, object? right) => (left, right) switch
    {
        (double a, double b) when !double.IsNaN(a) && !double.IsNaN(b) => a.CompareTo(b),
        (string a, string b) => Math.Sign(string.CompareOrdinal(a, b)),
        _ => null,
    };
}
