using System.Text.Json;
using SopBot.Bot.CheckIn;
using SopBot.Domain.CheckIns;

namespace SopBot.Bot.Tests;

public sealed class CheckInSubmissionTests
{
    [Fact]
    public void Parse_CardDataWithInputs_ReadsEveryField()
    {
        var ok = Parse("""
            {"element": 3, "country": "BRA", "quarter": "2026-Q4", "version": "W/\"x\"", "status": "achieved",
             "note": "n", "termsOfReference": "t", "productOrLink": "p", "contactRole": "c"}
            """, out var request, out var problem);

        Assert.True(ok, problem);
        Assert.Equal("3", request!.Element);
        Assert.Equal("BRA", request.CountryIso3);
        Assert.Equal("2026-Q4", request.Quarter);
        Assert.Equal("W/\"x\"", request.Version);
        Assert.Equal("achieved", request.Status);
        Assert.Equal("n", request.Note);
        Assert.Equal("t", request.TermsOfReference);
        Assert.Equal("p", request.ProductOrLink);
        Assert.Equal("c", request.ContactRole);
    }

    [Fact]
    public void Parse_ElementAsText_IsKeptForTheServiceToCheck()
    {
        Assert.True(Parse("""{"element": "abc", "country": "BRA"}""", out var request, out _));
        Assert.Equal("abc", request!.Element);
    }

    [Theory]
    [InlineData("""{"element": 1, "role": "secretariat"}""", "role")]
    [InlineData("""{"element": 1, "aadObjectId": "someone-else"}""", "aadObjectId")]
    [InlineData("""{"element": 1, "isAdmin": true}""", "isAdmin")]
    public void Parse_ExtraField_IsRejectedNamingIt(string json, string field)
    {
        Assert.False(Parse(json, out _, out var problem));
        Assert.Contains(field, problem);
    }

    [Theory]
    [InlineData("""{"element": [1]}""")]
    [InlineData("""{"element": {"n": 1}}""")]
    [InlineData("""{"element": true}""")]
    [InlineData("""{"note": 5}""")]
    [InlineData("""{"status": ["achieved"]}""")]
    [InlineData("[1, 2]")]
    [InlineData("\"text\"")]
    public void Parse_WrongJsonTypes_AreRejected(string json)
    {
        Assert.False(Parse(json, out var request, out var problem));
        Assert.Null(request);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void Verbs_CoverEveryCheckInAction()
    {
        Assert.Equal(Enum.GetValues<CheckInAction>().Order(), CheckInSubmission.Verbs.Values.Order());
    }

    private static bool Parse(string json, out CheckInRequest? request, out string? problem)
    {
        using var document = JsonDocument.Parse(json);
        return CheckInSubmission.TryParse(CheckInAction.Save, document.RootElement, out request, out problem);
    }
}
