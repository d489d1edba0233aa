using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace SopBot.Domain.Roster;

public static partial class RosterCsv
{
    /// <summary>
    /// Writes the header and one row per member, for export. A cell that starts with a formula
    /// character (=, +, -, @, tab, carriage return) or with a single quote gets one more single
    /// quote in front, so that a spreadsheet shows it as text. <see cref="Parse(Stream)"/>
    /// removes exactly that one quote, so parsing the output returns the same members.
    /// </summary>
    /// <param name="delimiter">',' or ';' (what Excel expects where the decimal separator is a comma).</param>
    public static void Write(TextWriter writer, IEnumerable<RosterMember> members, char delimiter = ',')
    {
        if (delimiter is not (',' or ';'))
        {
            throw new ArgumentOutOfRangeException(nameof(delimiter), delimiter, "The delimiter must be ',' or ';'.");
        }

        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            NewLine = "\r\n",
            InjectionOptions = InjectionOptions.None,
        };
        using var csv = new CsvWriter(writer, configuration, leaveOpen: true);
        foreach (var name in Header)
        {
            csv.WriteField(name);
        }

        csv.NextRecord();
        foreach (var member in members)
        {
            csv.WriteField(Neutralize(member.AadObjectId));
            csv.WriteField(Neutralize(member.DisplayName));
            csv.WriteField(Neutralize(member.CountryIso3 ?? string.Empty));
            csv.WriteField(Neutralize(member.Roles.ToCodes()));
            csv.NextRecord();
        }

        csv.Flush();
    }

    /// <summary>Returns the CSV as UTF-8 with a byte order mark, which Excel needs to read it as UTF-8.</summary>
    public static byte[] WriteUtf8(IEnumerable<RosterMember> members, char delimiter = ',')
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        {
            Write(writer, members, delimiter);
        }

        return stream.ToArray();
    }

    private static string Neutralize(string value)
    {
        var trimmed = value.TrimStart();
        var needsQuote = (value.Length > 0 && IsFormulaStart(value[0])) || (trimmed.Length > 0 && (IsFormulaStart(trimmed[0]) || trimmed[0] == '\''));
        return needsQuote ? "'" + value : value;
    }
}
