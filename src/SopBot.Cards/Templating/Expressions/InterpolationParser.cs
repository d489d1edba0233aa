using System.Text;
using SopBot.Cards.Templating.Runtime;

namespace SopBot.Cards.Templating.Expressions;

/// <summary>
/// Parses a template string value that contains "${". The reference engine parses such a string
/// as an adaptive-expressions template string (`...`), and this parser follows the lexer rules of
/// that mode (ExpressionAntlrLexer.g4, STRING_INTERPOLATION_MODE):
/// <list type="bullet">
/// <item>${...} is an expression when it closes on the same line, and quoted strings inside it
/// may contain '}'. Otherwise "${" is plain text.</item>
/// <item>\$ and \` stand for '$' and '`', and other backslashes are plain text.</item>
/// <item>An unescaped backtick ends the template string, which makes the value invalid, and so
/// does a final backslash, which escapes the backtick that closes the template string.</item>
/// </list>
/// </summary>
internal static class InterpolationParser
{
    /// <summary>
    /// Returns the expression of the string. A string that is exactly one ${...} around a
    /// non-constant expression is that expression, so it keeps the JSON type of its value. Any
    /// other string, including "${1}", is a concat of its parts and expands to text.
    /// </summary>
    public static Expression Parse(string value)
    {
        var parts = new List<Expression> { new ConstantExpression("") };
        var text = new StringBuilder();
        var position = 0;
        while (position < value.Length)
        {
            var character = value[position];
            if (character == '`')
            {
                throw new ExpressionSyntaxException(
                    $"The backtick at position {position} must be escaped as \\` in a string that contains ${{.");
            }

            if (character == '\\' && position + 1 == value.Length)
            {
                // The reference engine wraps the string in backticks, so a final backslash
                // escapes the closing backtick and the string never ends.
                throw new ExpressionSyntaxException("A string that contains ${ cannot end with a backslash.");
            }

            if (character == '\\' && position + 1 < value.Length && value[position + 1] is '`' or '$')
            {
                FlushText(parts, text);
                parts.Add(new ConstantExpression(value[position + 1].ToString()));
                position += 2;
                continue;
            }

            if (character == '$' && TryMatchExpression(value, position, out var end))
            {
                FlushText(parts, text);
                parts.Add(ParseEmbedded(value[position..end], position));
                position = end;
                continue;
            }

            text.Append(character);
            position++;
        }

        FlushText(parts, text);
        if (parts.Count == 2 && parts[1] is not ConstantExpression)
        {
            return parts[1];
        }

        return new FunctionCallExpression(BuiltInFunctions.Concat, parts);
    }

    private static void FlushText(List<Expression> parts, StringBuilder text)
    {
        if (text.Length > 0)
        {
            parts.Add(new ConstantExpression(text.ToString()));
            text.Clear();
        }
    }

    private static Expression ParseEmbedded(string token, int position)
    {
        // Trim as adaptive-expressions' trimExpression does: drop "$", then "{" and "}".
        var expression = JsConversions.Trim(token);
        expression = JsConversions.Trim(expression[1..]);
        if (expression.StartsWith('{') && expression.EndsWith('}'))
        {
            expression = JsConversions.Trim(expression[1..^1]);
        }

        try
        {
            return ExpressionParser.Parse(expression);
        }
        catch (ExpressionSyntaxException exception)
        {
            throw new ExpressionSyntaxException($"Invalid expression '{token}' at position {position}: {exception.Message}");
        }
    }

    /// <summary>
    /// Matches "${", then one or more of a quoted string, an object literal, or a character other
    /// than '{', '}', a quote, a backtick or a line break, and then "}".
    /// </summary>
    private static bool TryMatchExpression(string value, int start, out int end)
    {
        end = -1;
        if (start + 1 >= value.Length || value[start + 1] != '{')
        {
            return false;
        }

        var position = start + 2;
        var elementCount = 0;
        while (position < value.Length)
        {
            var character = value[position];
            switch (character)
            {
                case '}':
                    if (elementCount == 0)
                    {
                        return false;
                    }

                    end = position + 1;
                    return true;

                case '\'' or '"':
                    if (!ExpressionLexer.TryScanString(value, position, out position))
                    {
                        return false;
                    }

                    break;

                case '{':
                    if (!TryMatchObjectLiteral(value, position, out position))
                    {
                        return false;
                    }

                    break;

                case '\r' or '\n' or '`':
                    return false;

                default:
                    position++;
                    break;
            }

            elementCount++;
        }

        return false;
    }

    /// <summary>
    /// Matches an object literal as the OBJECT_DEFINITION rule of the reference lexer does:
    /// "{", then "key:" pairs whose key is a name or a quoted string, then "}". The expression
    /// parser rejects object literals, so this only decides where ${...} ends. White space after
    /// "{" fails the match, because the lexer's white-space rule is off inside template strings.
    /// </summary>
    private static bool TryMatchObjectLiteral(string value, int start, out int end)
    {
        end = -1;
        var position = start + 1;
        while (position < value.Length)
        {
            var character = value[position];
            if (character == '}')
            {
                end = position + 1;
                return true;
            }

            if (!TryMatchKey(value, position, out position) || position >= value.Length || value[position] != ':')
            {
                return false;
            }

            position++;
            var valueStart = position;
            while (position < value.Length && value[position] is not ('}' or '\r' or '\n' or '`'))
            {
                var matched = value[position] switch
                {
                    '\'' or '"' => ExpressionLexer.TryScanString(value, position, out position),
                    '{' => TryMatchObjectLiteral(value, position, out position),
                    _ => Advance(ref position),
                };
                if (!matched)
                {
                    return false;
                }
            }

            if (position == valueStart)
            {
                return false;
            }
        }

        return false;
    }

    private static bool TryMatchKey(string value, int start, out int end)
    {
        if (value[start] is '\'' or '"')
        {
            return ExpressionLexer.TryScanString(value, start, out end);
        }

        end = ExpressionLexer.ScanNameAt(value, start);
        return end > start;
    }

    private static bool Advance(ref int position)
    {
        position++;
        return true;
    }
}
