using SopBot.Domain.Countries;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Commands;

/// <summary>
/// Which typed commands a caller may use, asked of the <see cref="Authorizer"/> with the
/// target each command would have. The help card lists these and "did you mean" suggests
/// only these; each command still decides its own request when it runs.
/// </summary>
public static class CommandPermissions
{
    /// <summary>A UNCT member to add, standing in for any member when asking whether the caller may add one.</summary>
    private static readonly RosterMember ExampleNewMember = new("example-new-member", "Example", CountryCatalog.All[0].Iso3, Role.UnctMember);

    public static bool IsAllowed(Principal principal, TextCommand command) => command switch
    {
        TextCommand.CheckIn => principal.CountryIso3 is not null
            && Authorizer.Decide(principal, BotAction.CheckIn, AccessTarget.ForCountry(principal.CountryIso3)).IsAllowed,
        TextCommand.Status => Authorizer.Decide(principal, BotAction.ViewOwnCountryStatus).IsAllowed,
        TextCommand.Help => Authorizer.Decide(principal, BotAction.ViewHelp).IsAllowed,
        TextCommand.TalkingPoints => Authorizer.Decide(principal, BotAction.ViewTalkingPoints).IsAllowed,
        TextCommand.Brief => AnyCountry(principal, BotAction.ViewCountryBrief),
        TextCommand.Roster => Authorizer.Decide(principal, BotAction.ViewRoster, AccessTarget.AllCountries).IsAllowed
            || (principal.CountryIso3 is not null
                && Authorizer.Decide(principal, BotAction.ViewRoster, AccessTarget.ForCountry(principal.CountryIso3)).IsAllowed),
        TextCommand.AddMember => DecideRosterManagement(principal).IsAllowed,
        TextCommand.ImportRoster => Authorizer.Decide(principal, BotAction.ImportRoster).IsAllowed,
        TextCommand.ExportRoster => Authorizer.Decide(principal, BotAction.ExportRoster).IsAllowed,
        TextCommand.LinkTeam => AnyCountry(principal, BotAction.LinkTeam),
        TextCommand.UnlinkTeam => AnyCountry(principal, BotAction.UnlinkTeam),
        TextCommand.TeamMembers => AnyCountry(principal, BotAction.LinkTeam) && DecideRosterManagement(principal).IsAllowed,
        _ => Authorizer.Decide(principal, BotAction.AskQuestion).IsAllowed,
    };

    /// <summary>
    /// Decides whether the caller may add a UNCT member, the least that any roster change needs,
    /// so that the roster's forms are shown only to those who can use them.
    /// </summary>
    public static AccessDecision DecideRosterManagement(Principal principal) =>
        Authorizer.Decide(principal, BotAction.AddMember, AccessTarget.ForMemberChange(null, ExampleNewMember));

    /// <summary>Returns the commands the caller may use, in the order the help card lists them.</summary>
    public static IReadOnlyList<TextCommand> AllowedCommands(Principal principal) =>
        Enum.GetValues<TextCommand>().Where(command => command != TextCommand.None && IsAllowed(principal, command)).ToList();

    private static bool AnyCountry(Principal principal, BotAction action) =>
        CountryCatalog.All.Any(country => Authorizer.Decide(principal, action, AccessTarget.ForCountry(country.Iso3)).IsAllowed);
}
