using SopBot.Bot.Cards;
using SopBot.Bot.Localization;
using SopBot.Domain;
using SopBot.Domain.Countries;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Roster;

/// <summary>What a roster list card shows: the filter, one page of members and what the caller may do.</summary>
public sealed record RosterListView(
    string? CountryIso3,
    Role? Role,
    RosterPage Page,
    int PageNumber,
    bool CanFilter,
    bool CanManage,
    bool CanImport,
    bool CanExport,
    string? Notice,
    bool NoticeIsWarning);

/// <summary>Renders the roster list, the member form and the removal confirmation.</summary>
public sealed class RosterCards(CardRenderer renderer, Localizer strings)
{
    /// <summary>
    /// Members per list page. With names cut to <see cref="MaxNameInList"/> characters, a full
    /// page of the largest rows stays under Teams' card size limit (CardRenderingTests checks it).
    /// </summary>
    public const int PageSize = 15;

    /// <summary>Names longer than this are cut in lists, where the full name is one click away.</summary>
    public const int MaxNameInList = 80;

    public string List(RosterListView view, Language language)
    {
        var scope = view.CountryIso3 is null
            ? strings.Get(language, "roster.allCountries")
            : CountryCatalog.FindByIso3(view.CountryIso3)!.Name(language);
        var heading = view.Role is { } role
            ? strings.Format(language, "roster.headingWithRole", ("scope", scope), ("role", RoleLabel(role, language)))
            : strings.Format(language, "roster.heading", ("scope", scope));
        var first = view.Page.Members.Count == 0 ? 0 : ((view.PageNumber - 1) * PageSize) + 1;
        var members = view.Page.Members.Select(member => new RosterRow(
                Shorten(member.DisplayName.Length == 0 ? member.AadObjectId : member.DisplayName, MaxNameInList),
                Details(member, language),
                new MemberData(member.AadObjectId)))
            .ToList();

        return renderer.Render("roster-list", new RosterListCardData(
            heading,
            view.Notice is not null,
            view.Notice ?? string.Empty,
            view.NoticeIsWarning ? "Attention" : "Good",
            view.CanFilter,
            view.CountryIso3 ?? string.Empty,
            view.Role?.ToCodes() ?? string.Empty,
            CountryChoices(language, strings.Get(language, "roster.anyCountry")),
            [new Choice(strings.Get(language, "roster.anyRole"), string.Empty), .. RoleChoices(language)],
            strings.Format(language, "roster.pageInfo",
                ("page", view.PageNumber), ("first", first), ("last", first == 0 ? 0 : first + members.Count - 1)),
            members.Count == 0,
            strings.Get(language, view.PageNumber == 1 ? "roster.empty" : "roster.noMorePages"),
            members,
            view.CanManage,
            view.CanImport,
            view.CanExport,
            view.Page.ContinuationToken is not null,
            new RosterPageData(view.Page.ContinuationToken ?? string.Empty, view.PageNumber + 1),
            view.PageNumber > 1,
            new RosterPageData(string.Empty, 1),
            new RosterListLabels(
                strings.Get(language, "roster.countryLabel"),
                strings.Get(language, "roster.anyCountry"),
                strings.Get(language, "roster.roleLabel"),
                strings.Get(language, "roster.anyRole"),
                strings.Get(language, "roster.filter"),
                strings.Get(language, "roster.edit"),
                strings.Get(language, "roster.next"),
                strings.Get(language, "roster.first"),
                strings.Get(language, "roster.add"),
                strings.Get(language, "roster.import"),
                strings.Get(language, "roster.export"))));
    }

    /// <summary>The form to add a member (<paramref name="existing"/> null) or to change one, filled with <paramref name="entered"/>.</summary>
    public string Form(RosterMember? existing, MemberForm? entered, string? notice, Language language)
    {
        var isNew = existing is null;
        var shown = entered ?? (existing is null
            ? new MemberForm(string.Empty, string.Empty, null, Role.UnctMember)
            : new MemberForm(existing.AadObjectId, existing.DisplayName, existing.CountryIso3, existing.Roles));
        return renderer.Render("roster-member", new MemberFormCardData(
            isNew
                ? strings.Get(language, "roster.addHeading")
                : strings.Format(language, "roster.editHeading", ("name", Shorten(existing!.DisplayName, MaxNameInList))),
            notice is not null,
            notice ?? string.Empty,
            isNew,
            isNew ? string.Empty : strings.Format(language, "roster.idText", ("id", existing!.AadObjectId)),
            shown.DisplayName,
            shown.AadObjectId,
            shown.CountryIso3 ?? string.Empty,
            string.Join(',', Roles.AllCodes.Where(code => Roles.TryParse(code, out var role) && (shown.Roles & role) != Role.None)),
            CountryChoices(language, strings.Get(language, "roster.noCountry")),
            RoleChoices(language),
            new MemberData(existing?.AadObjectId ?? string.Empty),
            new RosterPageData(string.Empty, 1),
            new MemberFormLabels(
                strings.Get(language, "roster.nameLabel"),
                strings.Get(language, "roster.idLabel"),
                strings.Get(language, "roster.idHelp"),
                strings.Get(language, "roster.memberCountryLabel"),
                strings.Get(language, "roster.rolesLabel"),
                strings.Get(language, "roster.save"),
                strings.Get(language, "roster.remove"),
                strings.Get(language, "roster.back"))));
    }

    public string RemoveConfirm(RosterMember member, Language language) =>
        renderer.Render("roster-remove", new RemoveConfirmCardData(
            strings.Get(language, "roster.removeHeading"),
            strings.Format(language, "roster.removeText",
                ("name", Shorten(member.DisplayName, MaxNameInList)),
                ("details", Details(member, language))),
            strings.Get(language, "roster.removeConfirm"),
            strings.Get(language, "roster.removeCancel"),
            new MemberData(member.AadObjectId)));

    /// <summary>Returns "Brazil · UNCT member · id", the line under a member's name.</summary>
    public string Details(RosterMember member, Language language)
    {
        var country = CountryCatalog.FindByIso3(member.CountryIso3)?.Name(language) ?? strings.Get(language, "roster.regional");
        return $"{country} · {RoleLabels(member.Roles, language)} · {member.AadObjectId}";
    }

    /// <summary>Returns the role names joined by commas, in the order of the CSV codes.</summary>
    public string RoleLabels(Role roles, Language language) =>
        string.Join(", ", Enum.GetValues<Role>().Where(role => role != Role.None && (roles & role) != Role.None).Select(role => RoleLabel(role, language)));

    public string RoleLabel(Role role, Language language) => strings.Get(language, "role." + role);

    /// <summary>Cuts the text to at most <paramref name="maxLength"/> characters with an ellipsis, never between the halves of a surrogate pair.</summary>
    public static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }

    private List<Choice> RoleChoices(Language language) =>
        Enum.GetValues<Role>().Where(role => role != Role.None).Select(role => new Choice(RoleLabel(role, language), role.ToCodes())).ToList();

    private static List<Choice> CountryChoices(Language language, string noneTitle) =>
        [
            new Choice(noneTitle, string.Empty),
            .. CountryCatalog.All
                .Select(country => new Choice(country.Name(language), country.Iso3))
                .OrderBy(choice => choice.Title, StringComparer.Create(Localizer.CultureFor(language), ignoreCase: true)),
        ];
}
