using System.Text;
using SopBot.Domain.Roster;

namespace SopBot.Domain.Tests;

public sealed class RosterCsvWriterTests
{
    private static readonly RosterMember[] Members =
    [
        new("7410e076-5dc9-42d4-8c2a-359153fd3d3b", "Ana Souza", "BRA", Role.UnctMember),
        new("id-2", "Pérez, Luis \"Lucho\"; Jr.", "PER", Role.UnctMember | Role.RegionalDirector),
        new("id-3", "=HYPERLINK(\"http://x\",\"y\")", null, Role.Secretariat),
        new("id-4", "+55 team", null, Role.Administrator | Role.Secretariat),
        new("id-5", "-dash", "COL", Role.UnctMember),
        new("id-6", "@mention", null, Role.RegionalDirector),
        new("id-7", "'already quoted", "ARG", Role.UnctMember),
        new("id-8", "Nuñez 🌎 名前", "MEX", Role.UnctMember),
        new("id-9", "", null, Role.Secretariat),
    ];

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    public void Write_ThenParse_ReturnsSameMembers(char delimiter)
    {
        var bytes = RosterCsv.WriteUtf8(Members, delimiter);

        var result = RosterCsv.Parse(bytes);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(error => $"line {error.Line}: {error.Reason}")));
        Assert.Equal(Members, result.Members);
    }

    [Fact]
    public void Write_FormulaCells_GetOneLeadingQuote()
    {
        var text = Write(Members);

        Assert.Contains("id-3,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", text);
        Assert.Contains("id-4,'+55 team,", text);
        Assert.Contains("id-5,'-dash,", text);
        Assert.Contains("id-6,'@mention,", text);
        Assert.Contains("id-7,''already quoted,", text);
        Assert.DoesNotContain(",=", text);
        Assert.DoesNotContain(",+", text);
        Assert.DoesNotContain(",@", text);
    }

    [Fact]
    public void Write_SeveralRoles_UseTheSeparator()
    {
        var text = Write([Members[1]]);

        Assert.EndsWith(",PER,unctMember|regionalDirector\r\n", text);
    }

    [Fact]
    public void Write_StartsWithHeader()
    {
        Assert.StartsWith("aadObjectId,displayName,countryIso3,role\r\n", Write([]));
    }

    [Fact]
    public void WriteUtf8_StartsWithByteOrderMark()
    {
        var bytes = RosterCsv.WriteUtf8(Members);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
    }

    [Fact]
    public void Write_OtherDelimiter_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RosterCsv.Write(new StringWriter(), Members, '\t'));
    }

    private static string Write(IEnumerable<RosterMember> members)
    {
        var writer = new StringWriter();
        RosterCsv.Write(writer, members);
        return writer.ToString();
    }
}
