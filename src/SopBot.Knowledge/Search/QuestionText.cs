using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SopBot.Knowledge.Search;

/// <summary>Turns a raw Teams message into plain question text.</summary>
internal static partial class QuestionText
{
    /// <summary>
    /// Removes Teams @mention markup and other HTML tags, decodes HTML entities, collapses white
    /// space and truncates to <paramref name="maxLength"/> characters at a word boundary when one is
    /// near. Accepts any input, including null and text that is not HTML.
    /// </summary>
    public static string Prepare(string? raw, int maxLength)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        // Bound the work done by the regular expressions on very long input. The slack keeps
        // mention markup that starts before the limit intact.
        var text = raw.Length > maxLength * 2 ? raw[..(maxLength * 2)] : raw;
        text = MentionPattern().Replace(text, " ");
        text = TagPattern().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        text = CollapseWhiteSpace(text);
        return Truncate(text, maxLength);
    }

    /// <summary>Whether the text contains at least one letter or digit, so that it can be a question.</summary>
    public static bool HasWordCharacters(string text)
    {
        foreach (var character in text)
        {
            if (char.IsLetterOrDigit(character))
            {
                return true;
            }
        }

        return false;
    }

    private static string CollapseWhiteSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character) || char.IsControl(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(character);
        }

        return builder.ToString();
    }

    private static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength;
        if (char.IsLowSurrogate(text[cut]))
        {
            cut--;
        }

        var lastSpace = text.LastIndexOf(' ', cut - 1, Math.Min(cut, 100));
        return text[..(lastSpace > 0 ? lastSpace : cut)];
    }

    [GeneratedRegex("<at\\b[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex MentionPattern();

    [GeneratedRegex("<[^<>]{0,500}>")]
    private static partial Regex TagPattern();
}
