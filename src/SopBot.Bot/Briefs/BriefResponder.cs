using System.Globalization;
using SopBot.Bot.Cards;
using SopBot.Bot.Localization;
using SopBot.Domain;
using SopBot.Domain.Briefs;
using SopBot.Domain.Countries;
using SopBot.Domain.Roster;
using SopBot.Domain.Sop;

namespace SopBot.Bot.Briefs;

/// <summary>
/// "brief Brazil": the country brief for Regional Directors and the Secretariat. The
/// <see cref="Authorizer"/> decides who may see which country from the caller's roster entry
/// on every request, pages included.
/// </summary>
public sealed class BriefResponder(
    BriefService briefs,
    BriefCards cards,
    CommonCards common,
    Localizer strings,
    ILogger<BriefResponder> logger)
{
    public const string PageVerb = "brief.page";

    private static readonly Dictionary<string, int> PageFields = new() { ["country"] = 3, ["page"] = 1 };

    public async Task<string> BriefAsync(Principal principal, string typedCountry, Language language, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(typedCountry))
        {
            return Message(language, "brief.usage");
        }

        var country = CountryCatalog.Resolve(typedCountry);
        if (country is null)
        {
            logger.BriefServed(null, principal.AadObjectId, "unknown country");
            return UnknownCountry(typedCountry, language);
        }

        return await RenderAsync(principal, country, 0, language, cancellationToken);
    }

    public async Task<string> PageAsync(Principal principal, object? data, Language language, CancellationToken cancellationToken)
    {
        if (!CardDataReader.TryRead(data, PageFields, out var values, out var problem)
            || CountryCatalog.FindByIso3(values.GetValueOrDefault("country")) is not { } country
            || !int.TryParse(values.GetValueOrDefault("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            || page > SopCatalog.Pillars.Count)
        {
            problem ??= "the country or page is not valid";
            logger.CardActionRejected(PageVerb, null, principal.AadObjectId, problem);
            return common.Message(language, strings.Get(language, "request.title"), strings.Format(language, "card.invalidData", ("detail", problem)), true, false);
        }

        return await RenderAsync(principal, country, page, language, cancellationToken);
    }

    private async Task<string> RenderAsync(Principal principal, Country country, int page, Language language, CancellationToken cancellationToken)
    {
        var decision = Authorizer.Decide(principal, BotAction.ViewCountryBrief, AccessTarget.ForCountry(country.Iso3));
        if (!decision.IsAllowed)
        {
            var notOnRoster = decision.Reason is AccessReason.NotOnRoster or AccessReason.MissingIdentity or AccessReason.TenantNotAllowed;
            logger.BriefServed(country.Iso3, principal.AadObjectId, "rejected: " + decision.Reason);
            return Message(language, notOnRoster ? "brief.notOnRoster" : "brief.forbidden");
        }

        var brief = await briefs.BuildAsync(country, cancellationToken);
        logger.BriefServed(country.Iso3, principal.AadObjectId, page == 0 ? "overview" : $"pillar {page}");
        return page == 0 || !brief.HasAnswers ? cards.Overview(brief, language) : cards.PillarPage(brief, page, language);
    }

    private string UnknownCountry(string typed, Language language)
    {
        var shown = typed.Length <= 60 ? typed : typed[..60] + "…";
        var text = strings.Format(language, "brief.unknownCountry", ("typed", shown));
        var suggestions = CountryCatalog.Suggest(typed);
        if (suggestions.Count > 0)
        {
            text += " " + strings.Format(language, "brief.suggestions", ("names", string.Join(", ", suggestions.Select(country => country.Name(language)))));
        }

        return common.Message(language, strings.Get(language, "brief.title"), text, true, false);
    }

    private string Message(Language language, string key) =>
        common.Message(language, strings.Get(language, "brief.title"), strings.Get(language, key), true, false);
}
