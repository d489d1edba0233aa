using System.Text.Json;
using SopBot.Bot.Roster;
using SopBot.Bot.TeamLinks;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Tests;

/// <summary>Strict parsing of every roster and team-link card submission: known fields only, each of the right type and length.</summary>
public sealed class RosterSubmissionsTests
{
    [Fact]
    public void List_WithFilterAndToken_IsRead()
    {
        Assert.True(RosterSubmissions.TryParseList(Data("""{"filterCountry":"ARG","filterRole":"regionalDirector","token":"aad-x","page":3}"""), out var request, out var problem), problem);

        Assert.Equal(new RosterListRequest("ARG", Role.RegionalDirector, "aad-x", 3), request);
    }

    [Fact]
    public void List_EmptyFilterAndFormInputs_MeansEverything()
    {
        Assert.True(RosterSubmissions.TryParseList(Data("""{"filterCountry":"","filterRole":"","token":"","page":"1","displayName":"typed","roles":""}"""), out var request, out var problem), problem);

        Assert.Equal(new RosterListRequest(null, null, null, 1), request);
    }

    [Theory]
    [InlineData("""{"filterCountry":"XXX"}""", "filterCountry")]
    [InlineData("""{"filterRole":"owner"}""", "filterRole")]
    [InlineData("""{"page":0}""", "page")]
    [InlineData("""{"page":"1.5"}""", "page")]
    [InlineData("""{"page":true}""", "page")]
    [InlineData("""{"isAdmin":"true"}""", "isAdmin")]
    [InlineData("""{"role":"secretariat"}""", "role")]
    [InlineData("""[1]""", "JSON object")]
    public void List_InvalidField_IsRejectedNamingIt(string json, string field)
    {
        Assert.False(RosterSubmissions.TryParseList(Data(json), out _, out var problem));
        Assert.Contains(field, problem);
    }

    [Fact]
    public void Form_ReadsEveryField()
    {
        Assert.True(RosterSubmissions.TryParseForm(Data("""{"aadObjectId":"aad-rita","displayName":"Rita \"R\" Lima","country":"BRA","roles":"unctMember,regionalDirector"}"""), out var form, out var problem), problem);

        Assert.Equal(new MemberForm("aad-rita", "Rita \"R\" Lima", "BRA", Role.UnctMember | Role.RegionalDirector), form);
    }

    [Fact]
    public void Form_EmptyValues_AreAccepted()
    {
        Assert.True(RosterSubmissions.TryParseForm(Data("""{"displayName":"","country":"","roles":""}"""), out var form, out var problem), problem);

        Assert.Equal(new MemberForm(string.Empty, string.Empty, null, Role.None), form);
    }

    [Theory]
    [InlineData("""{"roles":"unctMember,owner"}""", "roles")]
    [InlineData("""{"country":"Brazil"}""", "country")]
    [InlineData("""{"roles":"secretariat","grantedBy":"aad-admin"}""", "grantedBy")]
    [InlineData("""{"displayName":null}""", "displayName")]
    [InlineData("""{"displayName":["a"]}""", "displayName")]
    [InlineData("""{"token":"x"}""", "token")]
    public void Form_InvalidField_IsRejectedNamingIt(string json, string field)
    {
        Assert.False(RosterSubmissions.TryParseForm(Data(json), out _, out var problem));
        Assert.Contains(field, problem);
    }

    [Fact]
    public void Form_OverlongName_IsRejected()
    {
        var json = JsonSerializer.Serialize(new { displayName = new string('x', 1_001) });

        Assert.False(RosterSubmissions.TryParseForm(Data(json), out _, out var problem));
        Assert.Contains("longer than 1000 characters", problem);
    }

    [Fact]
    public void Member_NeedsAnId()
    {
        Assert.True(RosterSubmissions.TryParseMember(Data("""{"aadObjectId":"aad-ana"}"""), RosterSubmissions.RemoveFields, out var member, out _));
        Assert.Equal("aad-ana", member!.AadObjectId);
        Assert.False(RosterSubmissions.TryParseMember(Data("""{"aadObjectId":" "}"""), RosterSubmissions.RemoveFields, out _, out var problem));
        Assert.Contains("aadObjectId", problem);
        Assert.False(RosterSubmissions.TryParseMember(Data("""{"aadObjectId":"aad-ana","displayName":"x"}"""), RosterSubmissions.RemoveFields, out _, out problem));
        Assert.Contains("displayName", problem);
    }

    [Fact]
    public void Edit_AcceptsTheListFilterInputs()
    {
        Assert.True(RosterSubmissions.TryParseMember(Data("""{"aadObjectId":"aad-ana","filterCountry":"BRA","filterRole":""}"""), RosterSubmissions.EditFields, out var member, out var problem), problem);
        Assert.Equal("aad-ana", member!.AadObjectId);
    }

    [Fact]
    public void ListButton_AcceptsOnlyTheFilterInputs()
    {
        Assert.True(RosterSubmissions.TryParseListButton(Data("""{"filterCountry":"BRA"}"""), out _));
        Assert.False(RosterSubmissions.TryParseListButton(Data("""{"csv":"x"}"""), out var problem));
        Assert.Contains("csv", problem);
    }

    [Fact]
    public void ImportPaste_ReadsTheText()
    {
        Assert.True(RosterSubmissions.TryParseImportPaste(Data("""{"csv":"aadObjectId,displayName,countryIso3,role\n"}"""), out var paste, out _));
        Assert.Equal("aadObjectId,displayName,countryIso3,role\n", paste!.Csv);
        Assert.False(RosterSubmissions.TryParseImportPaste(Data("""{"csv":"x","importId":"0123456789abcdef0123456789abcdef"}"""), out _, out var problem));
        Assert.Contains("importId", problem);
    }

    [Fact]
    public void ImportPaste_OverOneMebibyte_IsRejected()
    {
        var json = JsonSerializer.Serialize(new { csv = new string('x', RosterCsv.MaxBytes + 1) });

        Assert.False(RosterSubmissions.TryParseImportPaste(Data(json), out _, out var problem));
        Assert.Contains("csv", problem);
    }

    [Theory]
    [InlineData("""{"importId":"0123456789abcdef0123456789abcdef","page":2}""", true)]
    [InlineData("""{"importId":"0123456789abcdef0123456789abcdef"}""", true)]
    [InlineData("""{"importId":"0123456789ABCDEF0123456789ABCDEF"}""", false)]
    [InlineData("""{"importId":"../../etc/passwd"}""", false)]
    [InlineData("""{"page":1}""", false)]
    [InlineData("""{"importId":"0123456789abcdef0123456789abcdef","actorId":"aad-admin"}""", false)]
    public void ImportPage_AcceptsOnlyAnImportIdAndPage(string json, bool valid)
    {
        Assert.Equal(valid, RosterSubmissions.TryParseImportPage(Data(json), out var request, out var problem));
        Assert.Equal(valid, problem is null);
        Assert.Equal(valid, request is not null);
    }

    [Fact]
    public void ExportPart_ReadsPartAndVersion()
    {
        Assert.True(RosterSubmissions.TryParseExportPart(Data("""{"part":2,"version":17,"csv":"aadObjectId"}"""), out var request, out var problem), problem);
        Assert.Equal(new ExportPartRequest(2, 17), request);
        Assert.False(RosterSubmissions.TryParseExportPart(Data("""{"part":2}"""), out _, out problem));
        Assert.Contains("version", problem);
    }

    [Fact]
    public void TeamSelection_ReadsDistinctIds()
    {
        Assert.True(TeamLinkSubmissions.TryParseSelection(Data("""{"selected":"aad-rita, aad-joao,aad-rita,7410E076-5DC9-42D4-8C2A-359153FD3D3B"}"""), out var selection, out var problem), problem);

        Assert.Equal(["aad-rita", "aad-joao", "7410e076-5dc9-42d4-8c2a-359153fd3d3b"], selection!.AadObjectIds);
    }

    [Theory]
    [InlineData("""{"selected":"aad-rita","country":"ARG"}""", "country")]
    [InlineData("""{"selected":"aad-rita","roles":"administrator"}""", "roles")]
    [InlineData("""{"selected":"not an id!"}""", "selected")]
    [InlineData("""{"selected":true}""", "selected")]
    public void TeamSelection_AnythingButIds_IsRejected(string json, string field)
    {
        Assert.False(TeamLinkSubmissions.TryParseSelection(Data(json), out _, out var problem));
        Assert.Contains(field, problem);
    }

    [Fact]
    public void TeamSelection_MoreThanOffered_IsRejected()
    {
        var ids = string.Join(',', Enumerable.Range(1, TeamLinkResponder.MaxOffered + 1).Select(i => $"aad-{i}"));

        Assert.False(TeamLinkSubmissions.TryParseSelection(Data(JsonSerializer.Serialize(new { selected = ids })), out _, out var problem));
        Assert.Contains("more than 40", problem);
    }

    /// <summary>Card data as the Bot Framework hands it over: a Newtonsoft token.</summary>
    private static object Data(string json) => Newtonsoft.Json.Linq.JToken.Parse(json);
}
