namespace SopBot.Bot.Roster;

/// <summary>A choice of an Input.ChoiceSet: the title shown and the value sent back.</summary>
public sealed record Choice(string Title, string Value);

/// <summary>What a roster list's paging buttons send back, besides the filter inputs.</summary>
public sealed record RosterPageData(string Token, int Page);

/// <summary>What a button about one member sends back: the member's AAD object id.</summary>
public sealed record MemberData(string AadObjectId);

public sealed record RosterListLabels(string Country, string AnyCountry, string Role, string AnyRole, string Filter, string Edit, string Next, string First, string Add, string Import, string Export);

/// <summary>One member in a roster list: the name, then country, roles and id.</summary>
public sealed record RosterRow(string Name, string Details, MemberData EditData);

/// <summary>Data bound into cards/roster-list.json.</summary>
public sealed record RosterListCardData(
    string Heading,
    bool HasNotice,
    string Notice,
    string NoticeColor,
    bool CanFilter,
    string FilterCountry,
    string FilterRole,
    IReadOnlyList<Choice> Countries,
    IReadOnlyList<Choice> Roles,
    string PageInfo,
    bool IsEmpty,
    string EmptyText,
    IReadOnlyList<RosterRow> Members,
    bool CanManage,
    bool CanImport,
    bool CanExport,
    bool HasNext,
    RosterPageData NextData,
    bool HasFirst,
    RosterPageData FirstData,
    RosterListLabels Labels);

public sealed record MemberFormLabels(string Name, string Id, string IdHelp, string Country, string Roles, string Save, string Remove, string Back);

/// <summary>Data bound into cards/roster-member.json: the form to add a member (IsNew) or change one.</summary>
public sealed record MemberFormCardData(
    string Heading,
    bool HasNotice,
    string Notice,
    bool IsNew,
    string IdText,
    string DisplayName,
    string AadObjectId,
    string Country,
    string Roles,
    IReadOnlyList<Choice> Countries,
    IReadOnlyList<Choice> RoleChoices,
    MemberData MemberData,
    RosterPageData BackData,
    MemberFormLabels Labels);

/// <summary>Data bound into cards/roster-remove.json: the confirmation before a member is removed.</summary>
public sealed record RemoveConfirmCardData(string Heading, string Text, string ConfirmLabel, string CancelLabel, MemberData MemberData);
