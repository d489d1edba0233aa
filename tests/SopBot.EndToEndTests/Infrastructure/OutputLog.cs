namespace SopBot.EndToEndTests.Infrastructure;

/// <summary>
/// Lines written by a server (or by the harness about it), kept in memory so that a failing test
/// can print what happened during it. Keeps the latest 20 000 lines.
/// </summary>
internal sealed class OutputLog(string name)
{
    private const int MaxLines = 20_000;

    private readonly List<string> _lines = [];
    private int _droppedLines;

    public string Name { get; } = name;

    /// <summary>The number of lines written so far; pass it to <see cref="Since"/> later.</summary>
    public int Mark
    {
        get
        {
            lock (_lines)
            {
                return _droppedLines + _lines.Count;
            }
        }
    }

    public void Append(string line)
    {
        lock (_lines)
        {
            if (_lines.Count == MaxLines)
            {
                _lines.RemoveAt(0);
                _droppedLines++;
            }

            _lines.Add(line);
        }
    }

    /// <summary>Returns the lines written after <paramref name="mark"/> (all of them for 0), one per line.</summary>
    public string Since(int mark)
    {
        lock (_lines)
        {
            var skip = Math.Max(0, mark - _droppedLines);
            var dropped = mark < _droppedLines ? $"[{_droppedLines - mark} earlier lines were dropped]{Environment.NewLine}" : string.Empty;
            return dropped + string.Join(Environment.NewLine, _lines.Skip(skip));
        }
    }

    /// <summary>Returns the first line after <paramref name="mark"/> that matches, or null.</summary>
    public string? FindSince(int mark, Func<string, bool> match)
    {
        lock (_lines)
        {
            return _lines.Skip(Math.Max(0, mark - _droppedLines)).FirstOrDefault(match);
        }
    }
}
