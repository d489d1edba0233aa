using System.Text.Json.Nodes;
using SopBot.Bot.Commands;
using SopBot.Domain;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Tests;

/// <summary>The help card lists the commands each role may use, in the caller's language.</summary>
public sealed class HelpCardTests(CardRenderingTests.Services services) : IClassFixture<CardRenderingTests.Services>
{
    public static TheoryData<string, string[], string[]> Roles => new()
    {
        { "none", ["**any question**", "**talking points**", "**help**"], ["**check in**", "**status**", "**brief**", "**roster**", "**add member**", "**import roster**", "**link team**"] },
        { "unct", ["**check in**", "**status**", "**brief**", "**roster**", "**help**"], ["**add member**", "**import roster**", "**export roster**", "**link team**", "**team members**"] },
        { "director", ["**brief**", "**roster**", "**talking points**"], ["**check in**", "**status**", "**add member**", "**import roster**", "**link team**"] },
        { "secretariat", ["**brief**", "**roster**", "**add member**", "**import roster**", "**export roster**", "**link team**", "**unlink team**", "**team members**"], ["**check in**", "**status**"] },
        { "administrator", ["**add member**", "**import roster**", "**link team**"], ["**check in**"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public void Help_ListsOnlyAllowedCommands(string role, string[] shown, string[] hidden)
    {
        var text = Text(services.Common.Help(Language.English, Principal(role)));

        foreach (var command in shown)
        {
            Assert.True(text.Contains(command, StringComparison.Ordinal), $"{role}: {command} is missing");
        }

        foreach (var command in hidden)
        {
            Assert.False(text.Contains(command, StringComparison.Ordinal), $"{role}: {command} is shown");
        }
    }

    [Fact]
    public void Help_InSpanish_UsesSpanishCommands()
    {
        var text = Text(services.Common.Help(Language.Spanish, TestPrincipals.Secretariat));

        Assert.Contains("Lo que puedo hacer", text);
        Assert.Contains("**importar miembros**", text);
        Assert.Contains("**vincular equipo**", text);
        Assert.DoesNotContain("**import roster**", text);
    }

    [Fact]
    public void Help_ButtonsFollowTheRole()
    {
        var member = JsonNode.Parse(services.Common.Help(Language.English, TestPrincipals.UnctMemberInBrazil))!;
        var secretariat = JsonNode.Parse(services.Common.Help(Language.English, TestPrincipals.Secretariat))!;

        Assert.Equal(["checkin.start", "checkin.status"], Verbs(member));
        Assert.Empty(Verbs(secretariat));
    }

    [Fact]
    public void EveryCommand_HasHelpLineInBothLanguages()
    {
        foreach (var command in Enum.GetValues<TextCommand>())
        {
            var key = Cards.CommonCards.HelpKey(command);
            Assert.NotEqual(services.Strings.Get(Language.English, key), services.Strings.Get(Language.Spanish, key));
        }
    }

    private static Principal Principal(string role) => role switch
    {
        "none" => TestPrincipals.NoRole,
        "unct" => TestPrincipals.UnctMemberInBrazil,
        "director" => TestPrincipals.RegionalDirector,
        "secretariat" => TestPrincipals.Secretariat,
        _ => TestPrincipals.Administrator,
    };

    private static string Text(string cardJson) => string.Join("\n", Strings(JsonNode.Parse(cardJson)));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(property => Strings(property.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private static List<string> Verbs(JsonNode card) =>
        (card["actions"]?.AsArray() ?? []).Select(action => (string)action!["verb"]!).ToList();
}
