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
/// "brief Brazil": the country brief for Regional Directors and the Secretariat. Who may see
/// which country is decided from the caller's roster entry on every request, pages included.
/// </summary>
public sealed class BriefResponder(
    IRosterStore roster,
    BriefService briefs,
    BriefCards cards,
    CommonCards common,
    Localizer strings,
    ILogger<BriefResponder> logger)
{
    public const string PageVerb = "brief.page";

    private static readonly Dictionary<string, int> PageFields = new() { ["country"] = 3, ["page"] = 1 };

    public async Task<string> BriefAsync(Caller? caller, string typedCountry, Language language, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(typedCountry))
        {
            return Message(language, "brief.usage");
        }

        var country = CountryCatalog.Resolve(typedCountry);
        if (country is null)
        {
            logger.BriefServed(null, caller?.AadObjectId, "unknown country");
            return UnknownCountry(typedCountry, language);
        }

        return await RenderAsync(caller, country, 0, language, cancellationToken);
    }

    public async Task<string> PageAsync(Caller? caller, object? data, Language language, CancellationToken cancellationToken)
    {
        if (!CardDataReader.TryRead(data, PageFields, out var values, out var problem)
            || CountryCatalog.FindByIso3(values.GetValueOrDefault("country")) is not { } country
            || !int.TryParse(values.GetValueOrDefault("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            || page > SopCatalog.Pillars.Count)
        {
            problem ??= "the country or page is not valid";
            logger.CardActionRejected(PageVerb, null, caller?.AadObjectId, problem);
            return common.Message(language, strings.Get(language, "request.title"), strings.Format(language, "card.invalidData", ("detail", problem)), true, false);
        }

        return await RenderAsync(caller, country, page, language, cancellationToken);
    }

    private async Task<string> RenderAsync(Caller? caller, Country country, int page, Language language, CancellationToken cancellationToken)
    {
        var member = caller is null ? null : await roster.FindAsync(caller.AadObjectId, cancellationToken);
        if (member is null)
        {
            logger.BriefServed(country.Iso3, caller?.AadObjectId, "rejected: not on roster");
            return Message(language, "brief.notOnRoster");
        }

        if (!Access.CanViewCountry(member, country))
        {
            logger.BriefServed(country.Iso3, caller!.AadObjectId, "rejected: another country");
            return Message(language, "brief.forbidden");
        }

        var brief = await briefs.BuildAsync(country, cancellationToken);
        logger.BriefServed(country.Iso3, caller!.AadObjectId, page == 0 ? "overview" : $"pillar {page}");
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
