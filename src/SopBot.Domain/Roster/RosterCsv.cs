using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using CsvHelper.Configuration;
using SopBot.Domain.Countries;

namespace SopBot.Domain.Roster;

/// <summary>
/// Reads and writes the roster CSV: the header aadObjectId, displayName, countryIso3, role,
/// then one member per row.
/// <list type="bullet">
/// <item>Commas or semicolons (Spanish Excel) separate fields. The delimiter that occurs more often in the header wins.</item>
/// <item>Fields may be quoted as RFC 4180 describes. A UTF-8 byte order mark, empty lines and lines of empty fields are ignored.</item>
/// <item>The role cell contains one or more role codes joined by <see cref="Roles.Separator"/>, such as "secretariat|regionalDirector".</item>
/// <item>A cell that starts with =, +, -, @, a tab or a carriage return is rejected, because spreadsheets run it as a formula.</item>
/// <item>One leading single quote is removed from every cell and the rest is kept as text, even if it starts with a
/// formula character. The writer adds that quote (see <see cref="Write"/>), so an exported file imports back unchanged.</item>
/// </list>
/// Every row is checked, and every problem is reported with the line the row starts on.
/// </summary>
public static partial class RosterCsv
{
    /// <summary>The largest file accepted: 1 MiB.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The most data rows (lines after the header that are not empty) accepted.</summary>
    public const int MaxDataRows = 5_000;

    public const int MaxIdLength = RosterRules.MaxIdLength;

    public const int MaxDisplayNameLength = RosterRules.MaxDisplayNameLength;

    private static readonly string[] Header = ["aadObjectId", "displayName", "countryIso3", "role"];

    /// <summary>
    /// Parses a file's bytes. They must be UTF-8, which is decoded strictly: the first invalid
    /// byte rejects the file, with its offset and line. Input over <see cref="MaxBytes"/> is
    /// rejected before it is decoded.
    /// </summary>
    public static RosterParseResult Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            return FileTooLarge();
        }

        var preamble = Encoding.UTF8.Preamble;
        var start = bytes.StartsWith(preamble) ? preamble.Length : 0;
        var body = bytes[start..];
        var characters = new char[body.Length];
        var status = Utf8.ToUtf16(body, characters, out var bytesRead, out var charactersWritten, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var offset = start + bytesRead;
            var line = CountLineBreaks(bytes[..offset]) + 1;
            return FileError(new RosterRowError(
                line,
                RosterProblem.InvalidEncoding,
                $"The file is not valid UTF-8: byte offset {offset} (line {line}) starts an invalid sequence. Save the file as \"CSV UTF-8\" and try again.",
                offset));
        }

        return ParseText(new string(characters, 0, charactersWritten));
    }

    /// <summary>
    /// Parses a stream of UTF-8 bytes, reading at most <see cref="MaxBytes"/> + 1 bytes, so that
    /// a larger stream is rejected without reading the rest.
    /// </summary>
    public static RosterParseResult Parse(Stream stream)
    {
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        return length > MaxBytes ? FileTooLarge() : Parse(buffer.AsSpan(0, length));
    }

    /// <summary>
    /// Parses text that is already decoded. The size limit applies to its UTF-8 length. Prefer
    /// <see cref="Parse(Stream)"/> for files: a <see cref="StreamReader"/> replaces invalid UTF-8
    /// with U+FFFD instead of rejecting it.
    /// </summary>
    public static RosterParseResult Parse(TextReader reader)
    {
        var buffer = new char[MaxBytes + 1];
        var length = reader.ReadBlock(buffer, 0, buffer.Length);
        if (length > MaxBytes || Encoding.UTF8.GetByteCount(buffer, 0, length) > MaxBytes)
        {
            return FileTooLarge();
        }

        var text = new string(buffer, 0, length);
        return ParseText(text.StartsWith('\uFEFF') ? text[1..] : text);
    }

    private static RosterParseResult ParseText(string text)
    {
        var delimiter = DetectDelimiter(text);
        var lines = new LineIndex(text);
        var badQuotes = false;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = false,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.None,
            BadDataFound = _ => badQuotes = true,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };

        using var parser = new CsvParser(new StringReader(text), configuration);
        if (!parser.Read() || !HasExpectedHeader(parser.Record))
        {
            return FileError(new RosterRowError(1, RosterProblem.MissingHeader, $"The first line must be the header {string.Join(delimiter, Header)}."));
        }

        var headerFieldCount = parser.Count;
        var rows = new List<RosterCsvRow>();
        var errors = new List<RosterRowError>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var dataRows = 0;
        while (true)
        {
            badQuotes = false;
            if (!parser.Read())
            {
                break;
            }

            var record = parser.Record ?? [];
            var line = lines.LineOf(parser.CharCount - parser.RawRecord.Length);
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            dataRows++;
            if (dataRows > MaxDataRows)
            {
                return FileError(new RosterRowError(
                    line,
                    RosterProblem.TooManyRows,
                    $"The file has more than {MaxDataRows} data rows (line {line} is row {dataRows}). Split it into files of at most {MaxDataRows} rows."));
            }

            RosterMember? member = null;
            var error = badQuotes
                ? new RosterRowError(line, RosterProblem.InvalidQuotes, "A quote is not closed, or appears inside a field that does not start with a quote. Enclose the field in double quotes and double every quote inside it.")
                : ParseRow(record, headerFieldCount, line, out member);
            if (error is null && firstLineOfId.TryGetValue(member!.AadObjectId, out var firstLine))
            {
                error = new RosterRowError(line, RosterProblem.DuplicateId, $"aadObjectId {member.AadObjectId} appears again; it was first on line {firstLine}.");
            }

            if (error is not null)
            {
                errors.Add(error);
                continue;
            }

            firstLineOfId[member!.AadObjectId] = line;
            rows.Add(new RosterCsvRow(line, member));
        }

        return new RosterParseResult(rows, errors);
    }

    private static RosterRowError? ParseRow(string[] record, int headerFieldCount, int line, out RosterMember? member)
    {
        member = null;
        if (record.Length < Header.Length || (record.Length > headerFieldCount && record.Skip(headerFieldCount).Any(field => field.Length > 0)))
        {
            return new RosterRowError(
                line,
                RosterProblem.WrongFieldCount,
                $"The row has {record.Length} fields; expected {Header.Length}: {string.Join(", ", Header)}. Quote a value that contains the delimiter.");
        }

        var cells = new string[Header.Length];
        for (var i = 0; i < Header.Length; i++)
        {
            var problem = ReadCell(record[i], Header[i], line, out cells[i]);
            if (problem is not null)
            {
                return problem;
            }
        }

        var (idText, name, countryText, roleText) = (cells[0], cells[1], cells[2], cells[3]);
        if (!Roles.TryParseList(roleText, out var roles, out var invalidCode))
        {
            return invalidCode!.Length == 0
                ? new RosterRowError(line, RosterProblem.MissingRole, $"role is missing; use one or more of {string.Join(", ", Roles.AllCodes)}, joined by {Roles.Separator}.")
                : new RosterRowError(line, RosterProblem.InvalidRole, $"role \"{invalidCode}\" is not one of {string.Join(", ", Roles.AllCodes)} (join several with {Roles.Separator}).");
        }

        string? countryIso3 = null;
        if (countryText.Length > 0)
        {
            var country = CountryCatalog.Resolve(countryText);
            if (country is null)
            {
                var suggestions = CountryCatalog.Suggest(countryText);
                var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(" or ", suggestions.Select(s => $"{s.NameEn} ({s.Iso3})"))}?" : string.Empty;
                return new RosterRowError(
                    line,
                    RosterProblem.UnknownCountry,
                    $"countryIso3 \"{countryText}\" is not one of the {CountryCatalog.All.Count} countries (use an ISO code such as BRA).{hint}");
            }

            countryIso3 = country.Iso3;
        }

        var candidate = RosterRules.Normalize(new RosterMember(idText, name, countryIso3, roles));
        var error = RosterRules.Validate(candidate, line);
        if (error is null)
        {
            member = candidate;
        }

        return error;
    }

    /// <summary>
    /// Rejects a cell that a spreadsheet would run as a formula, then trims it and removes one
    /// leading single quote, the text marker that <see cref="Write"/> adds.
    /// </summary>
    private static RosterRowError? ReadCell(string raw, string column, int line, out string value)
    {
        var trimmed = raw.Trim();
        var formulaStart = raw.Length > 0 && IsFormulaStart(raw[0]) ? raw[0]
            : trimmed.Length > 0 && IsFormulaStart(trimmed[0]) ? trimmed[0]
            : (char?)null;
        if (formulaStart is not null)
        {
            value = string.Empty;
            return new RosterRowError(
                line,
                RosterProblem.FormulaCell,
                $"{column} starts with {Describe(formulaStart.Value)}, so it looks like a spreadsheet formula. Remove that character, or start the cell with a single quote (') to keep the text as it is.");
        }

        value = trimmed.StartsWith('\'') ? trimmed[1..] : trimmed;
        return null;
    }

    private static bool IsFormulaStart(char character) => character is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static string Describe(char character) => character switch
    {
        '\t' => "a tab",
        '\r' => "a carriage return",
        _ => $"\"{character}\"",
    };

    private static bool HasExpectedHeader(string[]? header) =>
        header is not null
        && header.Length >= Header.Length
        && Header.Select((name, index) => string.Equals(name, header[index].Trim(), StringComparison.OrdinalIgnoreCase)).All(match => match);

    private static string DetectDelimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var firstLine = end < 0 ? text : text[..end];
        return firstLine.Count(character => character == ';') > firstLine.Count(character => character == ',') ? ";" : ",";
    }

    private static RosterParseResult FileTooLarge() =>
        FileError(new RosterRowError(
            0,
            RosterProblem.FileTooLarge,
            $"The file is larger than {MaxBytes / 1024 / 1024} MiB ({MaxBytes} bytes). Split it into smaller files of at most {MaxDataRows} rows."));

    private static RosterParseResult FileError(RosterRowError error) => new([], [error]);

    /// <summary>Counts line breaks: CR LF, LF and a lone CR each end one line, as in the CSV parser.</summary>
    private static int CountLineBreaks(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.Length || bytes[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Maps a character offset in the text to its 1-based line number.</summary>
    private sealed class LineIndex
    {
        private readonly List<int> _lineStarts = [0];

        public LineIndex(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public int LineOf(long offset)
        {
            var index = _lineStarts.BinarySearch((int)offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }
}
