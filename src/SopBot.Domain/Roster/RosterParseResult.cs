namespace SopBot.Domain.Roster;

/// <summary>
/// One rejected roster row, or the whole file when <see cref="Line"/> is 0: the 1-based line
/// where the row starts, the problem and an English reason. <see cref="ByteOffset"/> is set
/// for invalid UTF-8 only: the 0-based offset of the first invalid byte.
/// </summary>
public sealed record RosterRowError(int Line, RosterProblem Problem, string Reason, long? ByteOffset = null);

/// <summary>One accepted roster row and the 1-based line where it starts.</summary>
public sealed record RosterCsvRow(int Line, RosterMember Member);

/// <summary>
/// Every accepted row and every rejected one. A problem with the whole file (size, encoding,
/// header, row count) leaves <see cref="Rows"/> empty, so that nothing of such a file is used.
/// </summary>
public sealed record RosterParseResult(IReadOnlyList<RosterCsvRow> Rows, IReadOnlyList<RosterRowError> Errors)
{
    /// <summary>The members of the accepted rows, in file order.</summary>
    public IReadOnlyList<RosterMember> Members { get; } = Rows.Select(row => row.Member).ToList();

    public bool IsValid => Errors.Count == 0;
}
