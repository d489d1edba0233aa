namespace SopBot.Knowledge.Content;

/// <summary>
/// Invalid knowledge content. The message lists every problem found, each naming the file and
/// the entry, so that all of them can be fixed in one pass.
/// </summary>
public sealed class KnowledgeContentException : Exception
{
    public KnowledgeContentException(IReadOnlyList<string> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }

    private static string FormatMessage(IReadOnlyList<string> errors) =>
        $"The knowledge content is invalid ({errors.Count} problem(s)); fix the files and reload:"
        + Environment.NewLine
        + string.Join(Environment.NewLine, errors.Select(error => "- " + error));
}
