namespace SopBot.Cards.Templating.Expressions;

internal enum TokenKind
{
    Number,
    String,
    Identifier,
    Symbol,
    End,
}

/// <summary>A token of an expression. <see cref="Position"/> is the offset of its first character.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position)
{
    public bool IsSymbol(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    public override string ToString() => Kind == TokenKind.End ? "the end of the expression" : $"'{Text}'";
}

/// <summary>
/// Splits the text inside ${...} into tokens by the lexer rules of adaptive-expressions'
/// ExpressionAntlrLexer.g4. Names start with a letter, '_', '#', '@', '@@', '$' or '%'.
/// Numbers have no exponent, and strings use single or double quotes.
/// </summary>
internal static class ExpressionLexer
{
    // Two-character symbols, tried before the single characters that start them.
    private static readonly string[] TwoCharacterSymbols = ["==", "!=", "<>", "<=", ">=", "&&", "||", "=>", "??"];

    private const string SingleCharacterSymbols = "+-!^*/%<>&?()[]{}.,:`";

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var position = 0;
        while (position < text.Length)
        {
            var character = text[position];
            if (character is ' ' or '\t' or '\uFEFF' or '\u00A0' or '\n')
            {
                position++;
                continue;
            }

            if (character == '\r' && position + 1 < text.Length && text[position + 1] == '\n')
            {
                position += 2;
                continue;
            }

            var start = position;
            if (char.IsAsciiDigit(character))
            {
                position = ScanNumber(text, position);
                tokens.Add(new Token(TokenKind.Number, text[start..position], start));
            }
            else if (IsNameStart(text, position))
            {
                position = ScanName(text, position);
                tokens.Add(new Token(TokenKind.Identifier, text[start..position], start));
            }
            else if (character is '\'' or '"')
            {
                position = ScanString(text, position);
                tokens.Add(new Token(TokenKind.String, text[start..position], start));
            }
            else if (position + 1 < text.Length && Array.IndexOf(TwoCharacterSymbols, text.Substring(position, 2)) >= 0)
            {
                tokens.Add(new Token(TokenKind.Symbol, text.Substring(position, 2), start));
                position += 2;
            }
            else if (SingleCharacterSymbols.Contains(character))
            {
                tokens.Add(new Token(TokenKind.Symbol, character.ToString(), start));
                position++;
            }
            else
            {
                throw new ExpressionSyntaxException($"The character '{character}' at position {position} is not valid in an expression.");
            }
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static int ScanNumber(string text, int position)
    {
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        if (position + 1 < text.Length && text[position] == '.' && char.IsAsciiDigit(text[position + 1]))
        {
            position++;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }
        }

        return position;
    }

    // '%' starts a name only when a letter, digit or '_' follows, and alone it is the modulo operator.
    private static bool IsNameStart(string text, int position)
    {
        var character = text[position];
        if (char.IsAsciiLetter(character) || character is '_' or '#' or '@' or '$')
        {
            return true;
        }

        return character == '%' && position + 1 < text.Length && IsNamePart(text[position + 1]);
    }

    private static bool IsNamePart(char character) => char.IsAsciiLetterOrDigit(character) || character == '_';

    /// <summary>Returns the offset after the name that starts at <paramref name="position"/>, or the position itself when no name starts there.</summary>
    public static int ScanNameAt(string text, int position) =>
        IsNameStart(text, position) ? ScanName(text, position) : position;

    private static int ScanName(string text, int position)
    {
        position += text[position] == '@' && position + 1 < text.Length && text[position + 1] == '@' ? 2 : 1;
        while (position < text.Length && IsNamePart(text[position]))
        {
            position++;
        }

        return position;
    }

    private static int ScanString(string text, int position) =>
        TryScanString(text, position, out var end)
            ? end
            : throw new ExpressionSyntaxException($"The string that starts at position {position} has no closing {text[position]}.");

    /// <summary>
    /// Scans a string quoted with the character at <paramref name="position"/> and returns the
    /// offset after its closing quote. A backslash followed by the quote or by another backslash
    /// is a pair that does not end the string.
    /// </summary>
    public static bool TryScanString(string text, int position, out int end)
    {
        var quote = text[position];
        position++;
        while (position < text.Length)
        {
            var character = text[position];
            if (character == '\\' && position + 1 < text.Length && (text[position + 1] == quote || text[position + 1] == '\\'))
            {
                position += 2;
            }
            else if (character == quote)
            {
                end = position + 1;
                return true;
            }
            else
            {
                position++;
            }
        }

        end = -1;
        return false;
    }
}
