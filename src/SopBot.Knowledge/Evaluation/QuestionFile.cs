namespace SopBot.Knowledge.Evaluation;

/// <summary>Reads question files: tab-separated, with the header <c>id locale question expected</c>.</summary>
public static class QuestionFile
{
    private static readonly string[] Header = ["id", "locale", "question", "expected"];

    /// <exception cref="FormatException">The header or a row is malformed; the message names the file and line.</exception>
    public static IReadOnlyList<EvaluationQuestion> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].Split('\t').SequenceEqual(Header, StringComparer.OrdinalIgnoreCase))
        {
            throw new FormatException($"{path}: line 1 must be the tab-separated header '{string.Join("\\t", Header)}'.");
        }

        var questions = new List<EvaluationQuestion>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 1; index < lines.Length; index++)
        {
            if (string.IsNullOrWhiteSpace(lines[index]))
            {
                continue;
            }

            var lineNumber = index + 1;
            var columns = lines[index].Split('\t');
            if (columns.Length != Header.Length || columns.Any(string.IsNullOrWhiteSpace))
            {
                throw new FormatException(
                    $"{path}: line {lineNumber} has {columns.Length} columns or an empty one; expected {Header.Length} non-empty tab-separated columns.");
            }

            if (!ids.Add(columns[0]))
            {
                throw new FormatException($"{path}: line {lineNumber}: duplicate id '{columns[0]}'.");
            }

            questions.Add(new EvaluationQuestion(columns[0], columns[1], columns[2], columns[3], lineNumber));
        }

        return questions;
    }
}
