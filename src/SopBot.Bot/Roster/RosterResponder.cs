using SopBot.Bot.Cards;
using SopBot.Bot.Commands;
using SopBot.Bot.Localization;
using SopBot.Bot.Teams;
using SopBot.Domain;
using SopBot.Domain.Countries;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Roster;

/// <summary>
/// "roster" and "add member", and the roster cards' buttons: list members by country and role
/// one page at a time, add, change and remove a member. The <see cref="Authorizer"/> decides
/// each request from the caller's roster entry; the storage decides each change again against
/// the member as stored at the time of writing, and audits it.
/// </summary>
public sealed class RosterResponder(
    IRosterManagementStore store,
    RosterCards cards,
    CommonCards common,
    AccessMessages access,
    Localizer strings,
    ILogger<RosterResponder> logger)
{
    public static IReadOnlySet<string> Verbs { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "roster.list", "roster.addForm", "roster.edit", "roster.add", "roster.change", "roster.removeConfirm", "roster.remove",
    };

    /// <summary>"roster" or "roster Brazil": the first page of the roster, of one country when the text names one.</summary>
    public async Task<string> ListCommandAsync(Principal principal, string argument, Language language, CancellationToken cancellationToken)
    {
        string? countryIso3 = null;
        if (!string.IsNullOrWhiteSpace(argument))
        {
            var country = CountryCatalog.Resolve(argument);
            if (country is null)
            {
                return common.Message(language, strings.Get(language, "roster.title"), common.UnknownCountryText(argument, language), true, false);
            }

            countryIso3 = country.Iso3;
        }

        return await ListAsync(principal, new RosterListRequest(countryIso3, null, null, 1), null, false, language, cancellationToken);
    }

    /// <summary>The first page of the roster under a notice, such as the outcome of an import.</summary>
    public Task<string> ListWithNoticeAsync(Principal principal, string notice, Language language, CancellationToken cancellationToken) =>
        ListAsync(principal, new RosterListRequest(null, null, null, 1), notice, false, language, cancellationToken);

    /// <summary>"add member": the empty member form, for those who may add members.</summary>
    public string AddForm(Principal principal, Language language)
    {
        var denial = DenyUnlessManager(principal);
        return denial is not null ? access.Denied(denial, principal, language) : cards.Form(null, null, null, language);
    }

    /// <summary>Handles a button of a roster card and returns the card that replaces it.</summary>
    public async Task<string> HandleAsync(string verb, object? data, Principal principal, Language language, CancellationToken cancellationToken)
    {
        switch (verb)
        {
            case "roster.list":
                return RosterSubmissions.TryParseList(data, out var listRequest, out var listProblem)
                    ? await ListAsync(principal, listRequest!, null, false, language, cancellationToken)
                    : InvalidData(verb, principal, listProblem!, language);
            case "roster.addForm":
                return RosterSubmissions.TryParseListButton(data, out var addProblem)
                    ? AddForm(principal, language)
                    : InvalidData(verb, principal, addProblem!, language);
            case "roster.edit":
                return RosterSubmissions.TryParseMember(data, RosterSubmissions.EditFields, out var editMember, out var editProblem)
                    ? await EditFormAsync(principal, editMember!, language, cancellationToken)
                    : InvalidData(verb, principal, editProblem!, language);
            case "roster.add":
            case "roster.change":
                return RosterSubmissions.TryParseForm(data, out var form, out var formProblem)
                    ? await SaveAsync(principal, form!, isNew: verb == "roster.add", language, cancellationToken)
                    : InvalidData(verb, principal, formProblem!, language);
            case "roster.removeConfirm":
                return RosterSubmissions.TryParseMember(data, RosterSubmissions.FormFields, out var confirmMember, out var confirmProblem)
                    ? await RemoveConfirmAsync(principal, confirmMember!, language, cancellationToken)
                    : InvalidData(verb, principal, confirmProblem!, language);
            case "roster.remove":
                return RosterSubmissions.TryParseMember(data, RosterSubmissions.RemoveFields, out var removeMember, out var removeProblem)
                    ? await RemoveAsync(principal, removeMember!, language, cancellationToken)
                    : InvalidData(verb, principal, removeProblem!, language);
            default:
                throw new ArgumentOutOfRangeException(nameof(verb), verb, "Not a roster verb.");
        }
    }

    /// <summary>
    /// Lists one page. Without a country filter, someone who may read only their own country
    /// (a UNCT member) sees that country; everyone else needs the Authorizer's consent for the
    /// whole roster or for the country asked for.
    /// </summary>
    private async Task<string> ListAsync(
        Principal principal, RosterListRequest request, string? notice, bool noticeIsWarning, Language language, CancellationToken cancellationToken)
    {
        var canReadAll = Authorizer.Decide(principal, BotAction.ViewRoster, AccessTarget.AllCountries).IsAllowed;
        var countryIso3 = request.CountryIso3 ?? (canReadAll ? null : principal.CountryIso3);
        var decision = countryIso3 is null
            ? Authorizer.Decide(principal, BotAction.ViewRoster, AccessTarget.AllCountries)
            : Authorizer.Decide(principal, BotAction.ViewRoster, AccessTarget.ForCountry(countryIso3));
        if (!decision.IsAllowed)
        {
            logger.RosterRequestDenied("list", principal.AadObjectId, decision.Reason.ToString());
            return access.Denied(decision, principal, language);
        }

        RosterPage page;
        try
        {
            page = await store.ListAsync(new RosterQuery(countryIso3, request.Role, RosterCards.PageSize, request.ContinuationToken), cancellationToken);
        }
        catch (ArgumentException)
        {
            return InvalidData("roster.list", principal, "the field \"token\" is not one the roster returned", language);
        }

        logger.RosterListed(principal.AadObjectId, countryIso3, request.Role?.ToCodes(), request.Page, page.Members.Count);
        return cards.List(
            new RosterListView(
                countryIso3,
                request.Role,
                page,
                request.Page,
                canReadAll,
                DenyUnlessManager(principal) is null,
                Authorizer.Decide(principal, BotAction.ImportRoster).IsAllowed,
                Authorizer.Decide(principal, BotAction.ExportRoster).IsAllowed,
                notice,
                noticeIsWarning),
            language);
    }

    private async Task<string> EditFormAsync(Principal principal, MemberReference reference, Language language, CancellationToken cancellationToken)
    {
        var denial = DenyUnlessManager(principal);
        if (denial is not null)
        {
            logger.RosterRequestDenied("edit", principal.AadObjectId, denial.Reason.ToString());
            return access.Denied(denial, principal, language);
        }

        var member = await store.FindAsync(reference.AadObjectId, cancellationToken);
        return member is null
            ? await NotFoundAsync(principal, reference.AadObjectId, language, cancellationToken)
            : cards.Form(member, null, null, language);
    }

    private async Task<string> SaveAsync(Principal principal, MemberForm form, bool isNew, Language language, CancellationToken cancellationToken)
    {
        // Checked before the storage validates the form, so that someone who may not manage the roster learns nothing from its results.
        var denial = DenyUnlessManager(principal);
        if (denial is not null)
        {
            logger.RosterRequestDenied(isNew ? "add" : "change", principal.AadObjectId, denial.Reason.ToString());
            return access.Denied(denial, principal, language);
        }

        var member = new RosterMember(form.AadObjectId, form.DisplayName, form.CountryIso3, form.Roles);
        var result = isNew
            ? await store.AddMemberAsync(member, principal, cancellationToken)
            : await store.ChangeMemberAsync(member, principal, cancellationToken);
        logger.RosterEdit(isNew ? "add" : "change", RosterRules.NormalizeId(form.AadObjectId), principal.AadObjectId, result.GetType().Name);

        // The form comes back with the typed values whenever nothing was saved, so nothing typed is lost.
        switch (result)
        {
            case RosterEditResult.Saved saved:
                var key = isNew ? "roster.added" : "roster.changed";
                return await ListAfterChangeAsync(principal, saved.After!, strings.Format(language, key, ("name", NameOf(saved.After!))), language, cancellationToken);
            case RosterEditResult.Unchanged unchanged:
                return await ListAfterChangeAsync(principal, unchanged.Member, strings.Format(language, "roster.unchanged", ("name", NameOf(unchanged.Member))), language, cancellationToken);
            case RosterEditResult.AlreadyExists already:
                return cards.Form(null, form, strings.Format(language, "roster.alreadyExists", ("name", NameOf(already.Existing))), language);
            case RosterEditResult.NotFound notFound:
                return await NotFoundAsync(principal, notFound.AadObjectId, language, cancellationToken);
            case RosterEditResult.Invalid invalid:
                var invalidNotice = strings.Get(language, "rosterProblem." + invalid.Error.Problem);
                return cards.Form(isNew ? null : await store.FindAsync(form.AadObjectId, cancellationToken), form, invalidNotice, language);
            case RosterEditResult.Denied denied when isNew:
                return access.Denied(denied.Decision, principal, language);
            case RosterEditResult.Denied denied:
                var stored = await store.FindAsync(form.AadObjectId, cancellationToken);
                return stored is null
                    ? access.Denied(denied.Decision, principal, language)
                    : cards.Form(stored, form, access.Text(denied.Decision, principal, language), language);
            default:
                throw new InvalidOperationException($"Unexpected roster edit result {result.GetType().Name}.");
        }
    }

    private async Task<string> RemoveConfirmAsync(Principal principal, MemberReference reference, Language language, CancellationToken cancellationToken)
    {
        var denial = DenyUnlessManager(principal);
        var member = denial is null ? await store.FindAsync(reference.AadObjectId, cancellationToken) : null;
        var decision = denial ?? Authorizer.Decide(principal, BotAction.RemoveMember, AccessTarget.ForMemberChange(member, null));
        if (denial is not null || (member is not null && !decision.IsAllowed))
        {
            logger.RosterRequestDenied("remove", principal.AadObjectId, decision.Reason.ToString());
            return access.Denied(decision, principal, language);
        }

        return member is null
            ? await NotFoundAsync(principal, reference.AadObjectId, language, cancellationToken)
            : cards.RemoveConfirm(member, language);
    }

    private async Task<string> RemoveAsync(Principal principal, MemberReference reference, Language language, CancellationToken cancellationToken)
    {
        var denial = DenyUnlessManager(principal);
        if (denial is not null)
        {
            logger.RosterRequestDenied("remove", principal.AadObjectId, denial.Reason.ToString());
            return access.Denied(denial, principal, language);
        }

        var result = await store.RemoveMemberAsync(reference.AadObjectId, principal, cancellationToken);
        logger.RosterEdit("remove", RosterRules.NormalizeId(reference.AadObjectId), principal.AadObjectId, result.GetType().Name);
        return result switch
        {
            RosterEditResult.Saved saved => await ListAsync(
                principal,
                new RosterListRequest(saved.Before!.CountryIso3, null, null, 1),
                strings.Format(language, "roster.removed", ("name", NameOf(saved.Before))),
                false,
                language,
                cancellationToken),
            RosterEditResult.NotFound notFound => await NotFoundAsync(principal, notFound.AadObjectId, language, cancellationToken),
            RosterEditResult.Denied denied => access.Denied(denied.Decision, principal, language),
            _ => throw new InvalidOperationException($"Unexpected roster removal result {result.GetType().Name}."),
        };
    }

    /// <summary>Shows the first page of the member's country, or of the whole roster for a regional member, under a notice.</summary>
    private Task<string> ListAfterChangeAsync(Principal principal, RosterMember member, string notice, Language language, CancellationToken cancellationToken) =>
        ListAsync(principal, new RosterListRequest(member.CountryIso3, null, null, 1), notice, false, language, cancellationToken);

    private Task<string> NotFoundAsync(Principal principal, string aadObjectId, Language language, CancellationToken cancellationToken) =>
        ListAsync(
            principal,
            new RosterListRequest(null, null, null, 1),
            strings.Format(language, "roster.notFound", ("id", RosterCards.Shorten(aadObjectId, 130))),
            true,
            language,
            cancellationToken);

    /// <summary>Returns the denial when the caller may not add members, the least any roster change needs; null when they may.</summary>
    private static AccessDecision? DenyUnlessManager(Principal principal) =>
        CommandPermissions.DecideRosterManagement(principal) is { IsAllowed: false } denial ? denial : null;

    private string InvalidData(string verb, Principal principal, string problem, Language language)
    {
        logger.CardActionRejected(verb, null, principal.AadObjectId, problem);
        return common.Message(language, strings.Get(language, "request.title"), strings.Format(language, "card.invalidData", ("detail", problem)), true, false);
    }

    private static string NameOf(RosterMember member) =>
        RosterCards.Shorten(member.DisplayName.Length == 0 ? member.AadObjectId : member.DisplayName, RosterCards.MaxNameInList);
}
