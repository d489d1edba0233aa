using SopBot.Domain.Countries;
using SopBot.Domain.Roster;
using SopBot.Domain.Sop;

namespace SopBot.Domain.CheckIns;

/// <summary>
/// The check-in dialog: which card a member sees next, and storing their answers. Every
/// request is decided by the <see cref="Authorizer"/> from the caller's ids and their roster
/// entry; the card's own data never decides the country.
/// </summary>
public sealed class CheckInService(
    IRosterStore roster,
    ICheckInStore answers,
    ICheckInProgressStore progress,
    Authorizer authorizer,
    TimeProvider clock)
{
    public Quarter CurrentQuarter => Quarter.FromDate(clock.GetUtcNow());

    /// <summary>Opens the member's check-in at the first unanswered element, or the summary when all are answered.</summary>
    public async Task<CheckInScreen> StartAsync(Caller caller, CancellationToken cancellationToken)
    {
        var (context, _, problem) = await ResolveContextAsync(caller, BotAction.CheckIn, cancellationToken);
        if (context is null)
        {
            return new CheckInScreen.Rejected(problem!.Value, null);
        }

        var stored = await LoadAnswersAsync(context, cancellationToken);
        return await ShowAsync(context, CheckInNavigator.ResumePosition(stored.Values), stored, cancellationToken);
    }

    /// <summary>Returns the summary of the member's country for the current quarter.</summary>
    public async Task<CheckInScreen> SummaryAsync(Caller caller, CancellationToken cancellationToken)
    {
        var (context, _, problem) = await ResolveContextAsync(caller, BotAction.ViewOwnCountryStatus, cancellationToken);
        if (context is null)
        {
            return new CheckInScreen.Rejected(problem!.Value, null);
        }

        var stored = await LoadAnswersAsync(context, cancellationToken);
        return await ShowAsync(context, CheckInProgress.SummaryPosition, stored, cancellationToken);
    }

    /// <summary>Carries out a card action after checking the caller, the card's country, quarter and element.</summary>
    public async Task<CheckInScreen> HandleAsync(Caller caller, CheckInRequest request, CancellationToken cancellationToken)
    {
        var (context, principal, problem) = await ResolveContextAsync(caller, BotAction.CheckIn, cancellationToken);
        if (context is null)
        {
            return new CheckInScreen.Rejected(problem!.Value, null);
        }

        // The card's country only names which card was clicked, and the Authorizer allows the caller's own country alone.
        var cardDecision = Authorizer.Decide(principal!, BotAction.CheckIn, AccessTarget.ForCountry(request.CountryIso3));
        if (!cardDecision.IsAllowed)
        {
            return new CheckInScreen.Rejected(CheckInProblem.WrongCountry, context);
        }

        if (!Quarter.TryParse(request.Quarter, out var quarter) || quarter != context.Quarter)
        {
            return new CheckInScreen.Rejected(CheckInProblem.ClosedQuarter, context);
        }

        if (request.Action == CheckInAction.Summary)
        {
            return await ShowAsync(context, CheckInProgress.SummaryPosition, null, cancellationToken);
        }

        if (!int.TryParse(request.Element, out var number) || !SopCatalog.IsValidElementNumber(number))
        {
            return new CheckInScreen.Rejected(CheckInProblem.UnknownElement, context);
        }

        return request.Action switch
        {
            CheckInAction.Save => await SaveAsync(context, number, request, cancellationToken),
            CheckInAction.Back => await ShowAsync(context, CheckInNavigator.Previous(number), null, cancellationToken),
            CheckInAction.Skip => await ShowAsync(context, CheckInNavigator.Next(number), null, cancellationToken),
            CheckInAction.Open => await ShowAsync(context, number, null, cancellationToken),
            CheckInAction.Pause => await PauseAsync(context, number, cancellationToken),
            _ => new CheckInScreen.Rejected(CheckInProblem.UnknownElement, context),
        };
    }

    private async Task<CheckInScreen> SaveAsync(CheckInContext context, int number, CheckInRequest request, CancellationToken cancellationToken)
    {
        var element = SopCatalog.Element(number);
        if (string.IsNullOrEmpty(request.Status))
        {
            return await ShowProblemAsync(context, element, CheckInProblem.MissingStatus, null, cancellationToken);
        }

        if (!ElementStatuses.TryParse(request.Status, out var status))
        {
            return new CheckInScreen.Rejected(CheckInProblem.UnknownStatus, context);
        }

        var input = new AnswerInput(
            status,
            Clean(request.Note),
            new Evidence(Clean(request.TermsOfReference), Clean(request.ProductOrLink), Clean(request.ContactRole)));
        var problem = AnswerRules.Validate(input);
        if (problem is not null)
        {
            // Only a draft that passed the size and character checks is echoed back into the card.
            var draft = problem == CheckInProblem.ReasonRequired ? input : null;
            return await ShowProblemAsync(context, element, problem.Value, draft, cancellationToken);
        }

        var expectedVersion = string.IsNullOrEmpty(request.Version) ? null : request.Version;
        var caller = new Caller(context.Member.AadObjectId, context.Member.DisplayName, null);
        var result = await answers.SaveAnswerAsync(
            context.Country.Iso3, context.Quarter, number, input, caller, expectedVersion, cancellationToken);

        if (result is SaveAnswerResult.Conflict conflict)
        {
            await SaveProgressAsync(context, number, cancellationToken);
            return new CheckInScreen.ElementCard(context, element, conflict.Latest, null, CheckInNotice.AnsweredByOther, null);
        }

        return await ShowAsync(context, CheckInNavigator.Next(number), null, cancellationToken);
    }

    private async Task<CheckInScreen> ShowProblemAsync(
        CheckInContext context, CoreElement element, CheckInProblem problem, AnswerInput? draft, CancellationToken cancellationToken)
    {
        var stored = await LoadAnswersAsync(context, cancellationToken);
        stored.TryGetValue(element.Number, out var current);
        return new CheckInScreen.ElementCard(context, element, current, draft, null, problem);
    }

    private async Task<CheckInScreen> PauseAsync(CheckInContext context, int number, CancellationToken cancellationToken)
    {
        await SaveProgressAsync(context, number, cancellationToken);
        var stored = await LoadAnswersAsync(context, cancellationToken);
        return new CheckInScreen.Paused(context, number, stored.Count);
    }

    private async Task<CheckInScreen> ShowAsync(
        CheckInContext context, int position, IReadOnlyDictionary<int, ElementAnswer>? stored, CancellationToken cancellationToken)
    {
        stored ??= await LoadAnswersAsync(context, cancellationToken);
        await SaveProgressAsync(context, position, cancellationToken);
        if (position == CheckInProgress.SummaryPosition)
        {
            return new CheckInScreen.Summary(context, CheckInSummary.From(context.Country.Iso3, context.Quarter, stored.Values));
        }

        stored.TryGetValue(position, out var current);
        return new CheckInScreen.ElementCard(context, SopCatalog.Element(position), current, null, null, null);
    }

    private Task SaveProgressAsync(CheckInContext context, int position, CancellationToken cancellationToken) =>
        progress.SaveAsync(
            new CheckInProgress(context.Member.AadObjectId, context.Country.Iso3, context.Quarter, position, clock.GetUtcNow()),
            cancellationToken);

    private async Task<IReadOnlyDictionary<int, ElementAnswer>> LoadAnswersAsync(CheckInContext context, CancellationToken cancellationToken)
    {
        var list = await answers.GetAnswersAsync(context.Country.Iso3, context.Quarter, cancellationToken);
        return list.ToDictionary(answer => answer.ElementNumber);
    }

    /// <summary>
    /// Identifies the caller from their roster entry and decides <paramref name="action"/> for
    /// their own country: <see cref="BotAction.CheckIn"/> needs the UNCT member role, the summary
    /// any role with a country.
    /// </summary>
    private async Task<(CheckInContext? Context, Principal? Principal, CheckInProblem? Problem)> ResolveContextAsync(
        Caller caller, BotAction action, CancellationToken cancellationToken)
    {
        var unresolved = authorizer.Identify(caller, null);
        var member = unresolved.IsTenantAllowed && RosterRules.IsValidId(unresolved.AadObjectId)
            ? await roster.FindAsync(unresolved.AadObjectId, cancellationToken)
            : null;
        var principal = authorizer.Identify(caller, member);
        var country = CountryCatalog.FindByIso3(principal.CountryIso3);
        var decision = action == BotAction.CheckIn && country is not null
            ? Authorizer.Decide(principal, BotAction.CheckIn, AccessTarget.ForCountry(country.Iso3))
            : Authorizer.Decide(principal, BotAction.ViewOwnCountryStatus);
        if (!decision.IsAllowed)
        {
            return (null, null, decision.Reason switch
            {
                AccessReason.NoCountryOnRoster => CheckInProblem.NoCountry,
                AccessReason.InsufficientRole => CheckInProblem.NotUnctMember,
                _ => CheckInProblem.NotOnRoster,
            });
        }

        // A bootstrap administrator without a roster entry has no country, so the decision above denied them.
        return (new CheckInContext(member!, country!, CurrentQuarter), principal, null);
    }

    /// <summary>Normalizes line breaks and trims; the text itself is kept exactly as typed.</summary>
    private static string Clean(string? text) => (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
