using System.Globalization;
using System.Text;

namespace SopBot.Cards.Templating.Runtime;

/// <summary>
/// JavaScript's conversions between values and text, reimplemented so that expanded text is
/// identical to the reference engine's output.
/// </summary>
internal static class JsConversions
{
    /// <summary>Number.EPSILON: the gap between 1 and the next double, 2^-52.</summary>
    public const double NumberEpsilon = 2.220446049250313E-16;

    public static bool IsNullish(object? value) => value is null or Undefined;

    /// <summary>Checks for a number that is not NaN, like FunctionUtils.isNumber in adaptive-expressions.</summary>
    public static bool IsNumber(object? value) => value is double number && !double.IsNaN(number);

    /// <summary>Number.isInteger: a finite double without a fractional part.</summary>
    public static bool IsInteger(object? value) =>
        value is double number && double.IsFinite(number) && Math.Floor(number) == number;

    /// <summary>JavaScript truthiness: false, 0, NaN, "", null and undefined are false.</summary>
    public static bool IsTruthy(object? value) => value switch
    {
        null or Undefined => false,
        bool flag => flag,
        double number => number != 0 && !double.IsNaN(number),
        string text => text.Length > 0,
        _ => true,
    };

    /// <summary>
    /// The truth test of adaptive-expressions' if, not, and, or: booleans are themselves, null
    /// and undefined are false, and every other value, including 0 and "", is true.
    /// </summary>
    public static bool IsLogicTrue(object? value) => value switch
    {
        bool flag => flag,
        null or Undefined => false,
        _ => true,
    };

    /// <summary>JavaScript's String(value).</summary>
    public static string ToJsString(object? value) => value switch
    {
        null => "null",
        Undefined => "undefined",
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => NumberToString(number),
        JsArray array => JoinArray(array, ","),
        _ => "[object Object]",
    };

    /// <summary>Array.prototype.join: null and undefined items become empty text.</summary>
    public static string JoinArray(JsArray array, string separator)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            var item = array[i];
            if (!IsNullish(item))
            {
                builder.Append(ToJsString(item));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Number.prototype.toString(): the shortest digits that round-trip, written in plain
    /// notation for magnitudes from 1e-6 up to 1e21 and in exponent notation outside that range.
    /// </summary>
    public static string NumberToString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        if (value < 0)
        {
            return "-" + NumberToString(-value);
        }

        var (digits, pointPosition) = ShortestDigits(value);
        var digitCount = digits.Length;
        if (digitCount <= pointPosition && pointPosition <= 21)
        {
            return digits + new string('0', pointPosition - digitCount);
        }

        if (pointPosition > 0 && pointPosition <= 21)
        {
            return digits[..pointPosition] + "." + digits[pointPosition..];
        }

        if (pointPosition > -6 && pointPosition <= 0)
        {
            return "0." + new string('0', -pointPosition) + digits;
        }

        var exponent = pointPosition - 1;
        var exponentText = (exponent < 0 ? "e-" : "e+") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        return digitCount == 1
            ? digits + exponentText
            : digits[..1] + "." + digits[1..] + exponentText;
    }

    /// <summary>
    /// Returns the shortest round-trip digits of a positive finite double, without leading or
    /// trailing zeros, and the position of the decimal point relative to the first digit, so
    /// that the value is 0.DIGITS × 10^pointPosition.
    /// </summary>
    private static (string Digits, int PointPosition) ShortestDigits(double value)
    {
        // .NET Core 3.0 and later format "R" as the shortest text that round-trips, the same
        // digits that ECMAScript's Number::toString selects.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentStart = text.IndexOfAny(['E', 'e']);
        var mantissa = exponentStart < 0 ? text : text[..exponentStart];
        var exponent = exponentStart < 0
            ? 0
            : int.Parse(text[(exponentStart + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        var point = mantissa.IndexOf('.');
        var integerPart = point < 0 ? mantissa : mantissa[..point];
        var fractionPart = point < 0 ? "" : mantissa[(point + 1)..];
        var digits = integerPart + fractionPart;
        var pointPosition = integerPart.Length + exponent;

        var leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        digits = digits[leadingZeros..].TrimEnd('0');
        return (digits, pointPosition - leadingZeros);
    }

    /// <summary>
    /// Formats a number as adaptive-expressions' string() does under the en-US locale: d3-format
    /// ",.Nf" with N the number of fraction digits of its shortest text, so digits are grouped
    /// by thousands and a negative number starts with U+2212 MINUS SIGN.
    /// </summary>
    /// <remarks>
    /// NOTE: the reference engine formats with the default locale of the Node.js process. This
    /// matches it only where that locale is en-US or undetermined ("und").
    /// </remarks>
    public static string FormatGroupedNumber(double value)
    {
        var shortest = NumberToString(value);
        var point = shortest.IndexOf('.');
        var precision = point < 0 ? 0 : shortest.Length - point - 1;

        var magnitude = Math.Abs(value);
        var fixedText = magnitude >= 1e21 || double.IsInfinity(magnitude)
            ? NumberToString(magnitude)
            : magnitude.ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        // d3-format drops the sign of a negative value whose text reads as zero, such as -0.
        var negative = (value < 0 || double.IsNegative(value)) && !IsZeroText(fixedText);

        var integerEnd = 0;
        while (integerEnd < fixedText.Length && char.IsAsciiDigit(fixedText[integerEnd]))
        {
            integerEnd++;
        }

        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('\u2212');
        }

        for (var i = 0; i < integerEnd; i++)
        {
            if (i > 0 && (integerEnd - i) % 3 == 0)
            {
                builder.Append(',');
            }

            builder.Append(fixedText[i]);
        }

        builder.Append(fixedText, integerEnd, fixedText.Length - integerEnd);
        return builder.ToString();
    }

    private static bool IsZeroText(string text)
    {
        foreach (var character in text)
        {
            if (character is not ('0' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// parseInt(text) without a radix: skips leading white space, reads an optional sign and
    /// then decimal digits, or hexadecimal digits after "0x". Returns NaN when no digit follows.
    /// </summary>
    public static double ParseInt(string text)
    {
        var position = 0;
        while (position < text.Length && IsWhiteSpace(text[position]))
        {
            position++;
        }

        var sign = 1.0;
        if (position < text.Length && text[position] is '+' or '-')
        {
            sign = text[position] == '-' ? -1.0 : 1.0;
            position++;
        }

        var radix = 10;
        if (position + 1 < text.Length && text[position] == '0' && text[position + 1] is 'x' or 'X')
        {
            radix = 16;
            position += 2;
        }

        var result = 0.0;
        var digitCount = 0;
        while (position < text.Length)
        {
            var digit = DigitValue(text[position]);
            if (digit < 0 || digit >= radix)
            {
                break;
            }

            result = (result * radix) + digit;
            digitCount++;
            position++;
        }

        return digitCount == 0 ? double.NaN : sign * result;
    }

    private static int DigitValue(char character) => character switch
    {
        >= '0' and <= '9' => character - '0',
        >= 'a' and <= 'z' => character - 'a' + 10,
        >= 'A' and <= 'Z' => character - 'A' + 10,
        _ => -1,
    };

    /// <summary>
    /// Checks for the white space that String.prototype.trim removes: ECMAScript WhiteSpace and
    /// LineTerminator. Unlike char.IsWhiteSpace, this includes U+FEFF and excludes U+0085.
    /// </summary>
    public static bool IsWhiteSpace(char character) =>
        character == '\uFEFF' || (character != '\u0085' && char.IsWhiteSpace(character));

    /// <summary>String.prototype.trim.</summary>
    public static string Trim(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>
    /// adaptive-expressions' commonStringify: empty text for null and undefined, JSON for objects
    /// and arrays, and String(value) for the rest.
    /// </summary>
    public static string CommonStringify(object? value) => value switch
    {
        null or Undefined => "",
        JsArray or JsObject => JsJson.Stringify(value),
        _ => ToJsString(value),
    };
}
