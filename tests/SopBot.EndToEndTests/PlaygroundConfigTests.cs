using SopBot.EndToEndTests.Infrastructure;

namespace SopBot.EndToEndTests;

/// <summary>
/// Keeps the Playground's mock tenant (tools/playground/m365agentsplayground.yml), the sample
/// roster the bot loads (roster.sample.csv) and <see cref="PlaygroundUser"/> in step.
/// </summary>
public sealed class PlaygroundConfigTests
{
    // The Playground's built-in default user, used when it runs without a config file.
    private const string BuiltInDefaultUserRow = "00000000-0000-0000-0000-0000000000020,Alex Wilber,BRA,unctMember";

    public static TheoryData<string> UserIds => [.. PlaygroundUser.All.Select(user => user.Id)];

    [Theory]
    [MemberData(nameof(UserIds))]
    public void Config_DeclaresUser(string userId)
    {
        var user = PlaygroundUser.All.Single(candidate => candidate.Id == userId);
        var config = File.ReadAllText(RepositoryPaths.PlaygroundConfig);

        Assert.Contains($"id: {user.Id}", config);
        Assert.Contains($"name: {user.Name}", config);
        Assert.Contains($"aadObjectId: {user.AadObjectId}", config);
    }

    [Theory]
    [MemberData(nameof(UserIds))]
    public void Roster_HasUserRow(string userId)
    {
        var user = PlaygroundUser.All.Single(candidate => candidate.Id == userId);
        var rows = File.ReadAllLines(RepositoryPaths.RosterSample);

        Assert.Contains($"{user.AadObjectId},{user.Name},{user.CountryIso3},{user.Role}", rows);
    }

    [Fact]
    public void Roster_HasBuiltInDefaultUser()
    {
        var rows = File.ReadAllLines(RepositoryPaths.RosterSample);

        Assert.Equal("aadObjectId,displayName,countryIso3,role", rows[0]);
        Assert.Contains(BuiltInDefaultUserRow, rows);
    }

    [Fact]
    public void Config_CurrentUserIsAnaSouza()
    {
        var config = File.ReadAllText(RepositoryPaths.PlaygroundConfig);

        Assert.Contains($"currentUser:\n  id: {PlaygroundUser.AnaSouza.Id}", config.ReplaceLineEndings("\n"));
    }
}
