using System.Globalization;
using System.Text;

namespace SopBot.Knowledge.Search;

/// <summary>Case and accent folding shared by synonym matching, reference parsing and the evaluation.</summary>
public static class TextFolding
{
    /// <summary>
    /// Lower-cases the text and removes diacritics ("Fondo Único" becomes "fondo unico"). Compatibility
    /// decomposition also turns "º" into "o" and "²" into "2". Punctuation and spacing are kept.
    /// </summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(character));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Splits folded text into words of letters and digits, dropping everything else.</summary>
    public static IReadOnlyList<string> Words(string foldedText)
    {
        var words = new List<string>();
        var start = -1;
        for (var index = 0; index <= foldedText.Length; index++)
        {
            var isWordCharacter = index < foldedText.Length && char.IsLetterOrDigit(foldedText[index]);
            if (isWordCharacter && start < 0)
            {
                start = index;
            }
            else if (!isWordCharacter && start >= 0)
            {
                words.Add(foldedText[start..index]);
                start = -1;
            }
        }

        return words;
    }
}
