using System.Text;
using SopBot.Domain.Roster;

namespace SopBot.Domain.Tests;

public sealed class RosterCsvTests
{
    [Fact]
    public void Parse_ValidFile_ReadsEveryMember()
    {
        var result = Parse("""
            aadObjectId,displayName,countryIso3,role
            11111111-1111-1111-1111-111111111111,Ana Souza,BRA,unctMember
            22222222-2222-2222-2222-222222222222,"Pérez, Luis",Perú,unctMember
            33333333-3333-3333-3333-333333333333,Regional Office,,secretariat
            """);

        Assert.True(result.IsValid);
        Assert.Equal(3, result.Members.Count);
        Assert.Equal("Pérez, Luis", result.Members[1].DisplayName);
        Assert.Equal("PER", result.Members[1].CountryIso3);
        Assert.Null(result.Members[2].CountryIso3);
        Assert.True(result.Members[2].Has(Role.Secretariat));
    }

    [Fact]
    public void Parse_SemicolonsAndByteOrderMark_AreAccepted()
    {
        var text = "\uFEFFaadObjectId;displayName;countryIso3;role\nid-1;Ana;BRA;unctMember\n\n";

        var result = RosterCsv.Parse(new StringReader(text.TrimStart('\uFEFF')));
        var fromBytes = RosterCsv.Parse(new StreamReader(new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF'))).ToArray())));

        Assert.True(result.IsValid);
        Assert.Single(result.Members);
        Assert.True(fromBytes.IsValid);
        Assert.Equal("id-1", fromBytes.Members.Single().AadObjectId);
    }

    [Fact]
    public void Parse_BadRows_AreEachReportedWithLine()
    {
        var result = Parse("""
            aadObjectId,displayName,countryIso3,role
            id-1,Ana,BRA,unctMember
            id-2,Bob,Atlantis,unctMember
            id-3,Cleo,BRA,king
            ,Dan,BRA,unctMember
            id-1,Ana again,BRA,unctMember
            id-6,Eve,,unctMember
            """);

        Assert.False(result.IsValid);
        Assert.Equal([3, 4, 5, 6, 7], result.Errors.Select(error => error.Line));
        Assert.Contains("Atlantis", result.Errors[0].Reason);
        Assert.Contains("king", result.Errors[1].Reason);
        Assert.Contains("first on line 2", result.Errors[3].Reason);
    }

    [Fact]
    public void Parse_MissingHeader_IsRejected()
    {
        var result = Parse("id-1,Ana,BRA,unctMember");

        Assert.False(result.IsValid);
        Assert.Equal(1, result.Errors.Single().Line);
    }

    private static RosterParseResult Parse(string text) => RosterCsv.Parse(new StringReader(text));
}
