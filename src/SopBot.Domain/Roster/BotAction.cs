namespace SopBot.Domain.Roster;

/// <summary>
/// Everything a person can ask the bot to do, as <see cref="Authorizer"/> decides it. The
/// comment of each names the <see cref="AccessTarget"/> it takes.
/// </summary>
public enum BotAction
{
    /// <summary>Answer the check-in of a country: <see cref="AccessTarget.ForCountry"/>, the member's own country only.</summary>
    CheckIn,

    /// <summary>See the check-in status of the member's own country: <see cref="AccessTarget.None"/>.</summary>
    ViewOwnCountryStatus,

    /// <summary>See a country's check-in status: <see cref="AccessTarget.ForCountry"/>.</summary>
    ViewCountryStatus,

    /// <summary>See a country's brief: <see cref="AccessTarget.ForCountry"/>.</summary>
    ViewCountryBrief,

    /// <summary>Ask a question of the SOP knowledge base: <see cref="AccessTarget.None"/>.</summary>
    AskQuestion,

    /// <summary>See the talking points: <see cref="AccessTarget.None"/>.</summary>
    ViewTalkingPoints,

    /// <summary>See the help: <see cref="AccessTarget.None"/>.</summary>
    ViewHelp,

    /// <summary>List roster members: <see cref="AccessTarget.ForCountry"/>, or <see cref="AccessTarget.AllCountries"/> for the whole roster.</summary>
    ViewRoster,

    /// <summary>Add a roster member: <see cref="AccessTarget.ForMemberChange"/> with no member before.</summary>
    AddMember,

    /// <summary>Change a roster member's name, country or roles: <see cref="AccessTarget.ForMemberChange"/> with both members.</summary>
    ChangeMember,

    /// <summary>Remove a roster member: <see cref="AccessTarget.ForMemberChange"/> with no member after.</summary>
    RemoveMember,

    /// <summary>Preview and apply a roster CSV: <see cref="AccessTarget.None"/>. Each row is then decided as <see cref="AddMember"/> or <see cref="ChangeMember"/>.</summary>
    ImportRoster,

    /// <summary>Download the whole roster as CSV: <see cref="AccessTarget.None"/>.</summary>
    ExportRoster,

    /// <summary>Grant a role to a roster member: <see cref="AccessTarget.ForRole"/>.</summary>
    GrantRole,

    /// <summary>Revoke a role from a roster member: <see cref="AccessTarget.ForRole"/>.</summary>
    RevokeRole,

    /// <summary>Link a Teams team to a country: <see cref="AccessTarget.ForCountry"/>.</summary>
    LinkTeam,

    /// <summary>Unlink a Teams team from its country: <see cref="AccessTarget.ForCountry"/>, the country it is linked to.</summary>
    UnlinkTeam,

    /// <summary>Change the bot's settings, such as the reminder schedule: <see cref="AccessTarget.None"/>.</summary>
    ManageSettings,
}
