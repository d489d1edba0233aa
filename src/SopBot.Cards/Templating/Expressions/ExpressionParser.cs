using System.Globalization;
using System.Text;
using SopBot.Cards.Templating.Runtime;

namespace SopBot.Cards.Templating.Expressions;

/// <summary>
/// Parses the text inside ${...} with the grammar of adaptive-expressions'
/// ExpressionAntlrParser.g4. Operator precedence, from loosest to tightest binding:
/// ?:, ??, ||, &amp;&amp;, &lt; &lt;= &gt; &gt;=, &amp;, == !=, + -, * / %, then the prefix operators ! - +.
/// Comparisons bind looser than ==, so 1 &lt; 2 == true reads as 1 &lt; (2 == true).
/// </summary>
internal sealed class ExpressionParser
{
    // Binary operators by precedence level, loosest first. Level 0 is the conditional operator ?:.
    private static readonly string[][] BinaryLevels =
    [
        [],
        ["??"],
        ["||"],
        ["&&"],
        ["<", "<=", ">", ">="],
        ["&"],
        ["==", "!=", "<>"],
        ["+", "-"],
        ["*", "/", "%"],
    ];

    private readonly List<Token> tokens;
    private int next;

    private ExpressionParser(List<Token> tokens)
    {
        this.tokens = tokens;
    }

    /// <summary>Parses one expression. Empty text is the empty string, as in adaptive-expressions.</summary>
    public static Expression Parse(string text)
    {
        if (text.Length == 0)
        {
            return new ConstantExpression("");
        }

        var parser = new ExpressionParser(ExpressionLexer.Tokenize(text));
        var expression = parser.ParseLevel(0);
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw new ExpressionSyntaxException($"Unexpected {parser.Peek} at position {parser.Peek.Position}.");
        }

        return expression;
    }

    private Token Peek => tokens[next];

    private Token Take() => tokens[next++];

    private void Expect(string symbol)
    {
        var token = Take();
        if (!token.IsSymbol(symbol))
        {
            throw new ExpressionSyntaxException($"Expected '{symbol}' at position {token.Position} but found {token}.");
        }
    }

    private Expression ParseLevel(int level)
    {
        if (level >= BinaryLevels.Length)
        {
            return ParseUnary();
        }

        var left = ParseLevel(level + 1);
        while (true)
        {
            var token = Peek;
            if (level == 0 && token.IsSymbol("?"))
            {
                // a ? b : c means if(a, b, c). Like ANTLR's left-recursive rule, a second ?: to
                // the right applies to the whole conditional: a ? b : c ? d : e is (a ? b : c) ? d : e.
                Take();
                var whenTrue = ParseLevel(0);
                Expect(":");
                var whenFalse = ParseLevel(1);
                left = new FunctionCallExpression(BuiltInFunctions.If, [left, whenTrue, whenFalse]);
                continue;
            }

            if (token.Kind == TokenKind.Symbol && token.Text == "^")
            {
                throw new ExpressionSyntaxException("The power operator '^' is not supported.");
            }

            if (token.Kind != TokenKind.Symbol || Array.IndexOf(BinaryLevels[level], token.Text) < 0)
            {
                return left;
            }

            Take();
            if (!BuiltInFunctions.BinaryOperators.TryGetValue(token.Text, out var function))
            {
                throw new ExpressionSyntaxException($"The operator '{token.Text}' is not supported. Use '!=' to test for inequality.");
            }

            var right = ParseLevel(level + 1);
            left = new FunctionCallExpression(function, [left, right]);
        }
    }

    private Expression ParseUnary()
    {
        var token = Peek;
        if (token.IsSymbol("!"))
        {
            Take();
            return new FunctionCallExpression(BuiltInFunctions.Not, [ParseUnary()]);
        }

        // adaptive-expressions reads -x as 0 - x and +x as 0 + x.
        if (token.IsSymbol("-"))
        {
            Take();
            return new FunctionCallExpression(BuiltInFunctions.Subtract, [new ConstantExpression(0.0), ParseUnary()]);
        }

        if (token.IsSymbol("+"))
        {
            Take();
            return new FunctionCallExpression(BuiltInFunctions.Add, [new ConstantExpression(0.0), ParseUnary()]);
        }

        return ParsePostfix();
    }

    private Expression ParsePostfix()
    {
        var (expression, name) = ParsePrimary();
        while (true)
        {
            var token = Peek;
            if (token.IsSymbol("."))
            {
                Take();
                var member = Take();
                if (member.Kind != TokenKind.Identifier)
                {
                    throw new ExpressionSyntaxException($"Expected a property name after '.' at position {member.Position} but found {member}.");
                }

                expression = new AccessorExpression(member.Text, expression);
                name = null;
            }
            else if (token.IsSymbol("["))
            {
                Take();
                var index = ParseLevel(0);
                Expect("]");
                expression = new ElementExpression(expression, index);
                name = null;
            }
            else if (token.IsSymbol("("))
            {
                Take();
                expression = ParseCall(name ?? expression.ToString(), token.Position);
                name = null;
            }
            else if (token.IsSymbol("!") && tokens[next + 1].IsSymbol("("))
            {
                throw new ExpressionSyntaxException($"Calling a custom function with '!' at position {token.Position} is not supported.");
            }
            else
            {
                return expression;
            }
        }
    }

    private Expression ParseCall(string name, int position)
    {
        var arguments = new List<Expression>();
        if (!Peek.IsSymbol(")"))
        {
            while (true)
            {
                if (Peek.Kind == TokenKind.Identifier && tokens[next + 1].IsSymbol("=>"))
                {
                    throw new ExpressionSyntaxException($"The lambda expression at position {Peek.Position} is not supported.");
                }

                arguments.Add(ParseLevel(0));
                if (!Peek.IsSymbol(","))
                {
                    break;
                }

                Take();
            }
        }

        Expect(")");
        if (!BuiltInFunctions.ByName.TryGetValue(name, out var function))
        {
            throw new ExpressionSyntaxException(
                $"The function '{name}' at position {position} is not supported. The supported functions are "
                + string.Join(", ", BuiltInFunctions.ByName.Keys.Order(StringComparer.Ordinal)) + ".");
        }

        return new FunctionCallExpression(function, arguments);
    }

    /// <summary>Parses an operand. The name is set when the operand is a bare name, which a call may follow.</summary>
    private (Expression Expression, string? Name) ParsePrimary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return (new ConstantExpression(double.Parse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)), null);

            case TokenKind.String:
                return (new ConstantExpression(UnquoteString(token.Text)), null);

            case TokenKind.Identifier:
                Expression atom = token.Text switch
                {
                    "true" => new ConstantExpression(true),
                    "false" => new ConstantExpression(false),
                    "null" => new ConstantExpression(null),
                    "undefined" => new ConstantExpression(Undefined.Value),
                    _ => new AccessorExpression(token.Text, null),
                };
                return (atom, token.Text);

            case TokenKind.Symbol when token.Text == "(":
                var inner = ParseLevel(0);
                Expect(")");
                return (inner, null);

            case TokenKind.Symbol when token.Text == "[":
                throw new ExpressionSyntaxException($"The array literal at position {token.Position} is not supported.");

            case TokenKind.Symbol when token.Text == "{":
                throw new ExpressionSyntaxException($"The object literal at position {token.Position} is not supported.");

            case TokenKind.Symbol when token.Text == "`":
                throw new ExpressionSyntaxException($"The template string at position {token.Position} is not supported.");

            default:
                throw new ExpressionSyntaxException($"Expected a value at position {token.Position} but found {token}.");
        }
    }

    /// <summary>
    /// Converts a quoted string token to its value as adaptive-expressions does: first \' (or \")
    /// becomes the quote, then \r, \n, \t and \\ become their characters, and any other backslash
    /// sequence stays as written.
    /// </summary>
    private static string UnquoteString(string token)
    {
        var quote = token[0];
        var content = token[1..^1].Replace("\\" + quote, quote.ToString(), StringComparison.Ordinal);

        var builder = new StringBuilder(content.Length);
        for (var i = 0; i < content.Length; i++)
        {
            var character = content[i];
            if (character != '\\' || i + 1 >= content.Length || content[i + 1] is '\r' or '\n')
            {
                builder.Append(character);
                continue;
            }

            var escaped = content[i + 1];
            i++;
            switch (escaped)
            {
                case 'r':
                    builder.Append('\r');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case '\\':
                    builder.Append('\\');
                    break;
                default:
                    builder.Append('\\').Append(escaped);
                    break;
            }
        }

        return builder.ToString();
    }
}
