using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SopBot.Bot.Cards;
using SopBot.Bot.Commands;
using SopBot.Bot.Localization;
using SopBot.Bot.Roster;
using SopBot.Bot.Teams;
using SopBot.Domain;
using SopBot.Domain.Countries;
using SopBot.Domain.Roster;
using SopBot.Domain.Teams;

namespace SopBot.Bot.TeamLinks;

/// <summary>The Teams team (and channel, null for General) that an activity came from.</summary>
public sealed record TeamChannel(string TeamId, string? ChannelId);

/// <summary>
/// "link team Brazil", "unlink team" and "team members", typed in a team's channel. Linking
/// stores the team's country and conversation reference (for later proactive messages) and
/// offers the team's members who are not on the roster, to add them as that country's UNCT
/// members. A link grants nothing by itself: a member checks in only once they are on the roster.
/// </summary>
public sealed class TeamLinkResponder(
    ITeamLinkStore links,
    IRosterManagementStore roster,
    TeamMemberDirectory directory,
    CardRenderer renderer,
    CommonCards common,
    AccessMessages access,
    Localizer strings,
    ILogger<TeamLinkResponder> logger)
{
    /// <summary>The most people offered on one card; the rest are offered once these are added.</summary>
    public const int MaxOffered = 40;

    public const string AddMembersVerb = "teamlink.addMembers";

    /// <summary>The most names a notice lists; it counts the rest.</summary>
    private const int MaxNamesInNotice = 10;

    /// <summary>Returns the team and channel from the activity's channelData, or null outside a team.</summary>
    public static TeamChannel? TeamOf(IActivity activity)
    {
        var channelData = activity.ChannelData as JObject;
        var teamId = ((channelData?["team"] as JObject)?["id"] as JValue)?.Value as string;
        if (string.IsNullOrWhiteSpace(teamId))
        {
            return null;
        }

        var channelId = ((channelData?["channel"] as JObject)?["id"] as JValue)?.Value as string;
        return new TeamChannel(teamId, string.IsNullOrWhiteSpace(channelId) || channelId == teamId ? null : channelId);
    }

    public async Task<string> LinkAsync(ITurnContext turnContext, Principal principal, string argument, Language language, CancellationToken cancellationToken)
    {
        var team = TeamOf(turnContext.Activity);
        if (team is null)
        {
            return Message(language, strings.Get(language, "teamLink.notInTeam"), isWarning: true);
        }

        if (string.IsNullOrWhiteSpace(argument))
        {
            return Message(language, strings.Get(language, "teamLink.usage"), isWarning: true);
        }

        var country = CountryCatalog.Resolve(argument);
        if (country is null)
        {
            return Message(language, common.UnknownCountryText(argument, language), isWarning: true);
        }

        var decision = Authorizer.Decide(principal, BotAction.LinkTeam, AccessTarget.ForCountry(country.Iso3));
        if (!decision.IsAllowed)
        {
            logger.TeamLinkDenied("link", team.TeamId, principal.AadObjectId, decision.Reason.ToString());
            return access.Denied(decision, principal, language);
        }

        var request = new TeamLinkRequest(team.TeamId, team.ChannelId, country.Iso3, ConversationReferenceOf(turnContext.Activity, team));
        var result = await links.LinkAsync(request, principal, cancellationToken);
        logger.TeamLinkChanged("link", team.TeamId, country.Iso3, principal.AadObjectId, result.GetType().Name);
        return result switch
        {
            TeamLinkResult.Linked linked => await OfferCardAsync(turnContext, principal, linked.Link, "teamLink.linked", null, language, cancellationToken),
            TeamLinkResult.Updated updated => await OfferCardAsync(turnContext, principal, updated.Link, "teamLink.alreadyLinked", null, language, cancellationToken),
            TeamLinkResult.Unchanged unchanged => await OfferCardAsync(turnContext, principal, unchanged.Link, "teamLink.alreadyLinked", null, language, cancellationToken),
            TeamLinkResult.LinkedToOtherCountry other => Message(
                language, strings.Format(language, "teamLink.linkedToOther", ("country", CountryName(other.Existing.CountryIso3, language))), isWarning: true),
            TeamLinkResult.Denied denied => access.Denied(denied.Decision, principal, language),
            TeamLinkResult.Invalid invalid => Message(language, strings.Format(language, "teamLink.invalid", ("problem", invalid.Problem)), isWarning: true),
            _ => throw new InvalidOperationException($"Unexpected team link result {result.GetType().Name}."),
        };
    }

    public async Task<string> UnlinkAsync(ITurnContext turnContext, Principal principal, Language language, CancellationToken cancellationToken)
    {
        var team = TeamOf(turnContext.Activity);
        if (team is null)
        {
            return Message(language, strings.Get(language, "teamLink.notInTeam"), isWarning: true);
        }

        // Someone who may link no country learns nothing about this team's link.
        var anyCountry = CommandPermissions.IsAllowed(principal, TextCommand.UnlinkTeam);
        if (!anyCountry)
        {
            var denial = Authorizer.Decide(principal, BotAction.UnlinkTeam, AccessTarget.ForCountry(CountryCatalog.All[0].Iso3));
            logger.TeamLinkDenied("unlink", team.TeamId, principal.AadObjectId, denial.Reason.ToString());
            return access.Denied(denial, principal, language);
        }

        var result = await links.UnlinkAsync(team.TeamId, principal, cancellationToken);
        logger.TeamLinkChanged("unlink", team.TeamId, (result as TeamLinkResult.Unlinked)?.Before.CountryIso3, principal.AadObjectId, result.GetType().Name);
        return result switch
        {
            TeamLinkResult.Unlinked unlinked => Message(
                language, strings.Format(language, "teamLink.unlinked", ("country", CountryName(unlinked.Before.CountryIso3, language))), isWarning: false),
            TeamLinkResult.NotLinked => Message(language, strings.Get(language, "teamLink.notLinked"), isWarning: true),
            TeamLinkResult.Denied denied => access.Denied(denied.Decision, principal, language),
            TeamLinkResult.Invalid invalid => Message(language, strings.Format(language, "teamLink.invalid", ("problem", invalid.Problem)), isWarning: true),
            _ => throw new InvalidOperationException($"Unexpected team unlink result {result.GetType().Name}."),
        };
    }

    /// <summary>"team members": the offer card of the linked team this message came from.</summary>
    public async Task<string> OfferAsync(ITurnContext turnContext, Principal principal, Language language, CancellationToken cancellationToken)
    {
        var (link, problemCard) = await FindLinkAsync(turnContext, principal, language, cancellationToken);
        return link is null
            ? problemCard!
            : await OfferCardAsync(turnContext, principal, link, "teamLink.alreadyLinked", null, language, cancellationToken);
    }

    /// <summary>
    /// The offer card's "Add" button: adds each selected person who is a member of this team and
    /// not on the roster, with their name from Teams, as a UNCT member of the team's country.
    /// </summary>
    public async Task<string> AddMembersAsync(
        ITurnContext turnContext, object? data, Principal principal, Language language, CancellationToken cancellationToken)
    {
        if (!TeamLinkSubmissions.TryParseSelection(data, out var selection, out var problem))
        {
            logger.CardActionRejected(AddMembersVerb, turnContext.Activity.Id, principal.AadObjectId, problem!);
            return common.Message(language, strings.Get(language, "request.title"), strings.Format(language, "card.invalidData", ("detail", problem)), true, false);
        }

        var (link, problemCard) = await FindLinkAsync(turnContext, principal, language, cancellationToken);
        if (link is null)
        {
            return problemCard!;
        }

        if (selection!.AadObjectIds.Count == 0)
        {
            return await OfferCardAsync(turnContext, principal, link, "teamLink.alreadyLinked", (strings.Get(language, "teamLink.noneSelected"), true), language, cancellationToken);
        }

        var members = (await directory.ListAsync(turnContext, link.TeamId, cancellationToken)).Members
            .GroupBy(member => member.AadObjectId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);
        var added = new List<string>();
        var skipped = new List<string>();
        foreach (var id in selection.AadObjectIds)
        {
            if (!members.TryGetValue(id, out var member))
            {
                skipped.Add(strings.Format(language, "teamLink.notTeamMember", ("id", id)));
                continue;
            }

            var name = string.IsNullOrWhiteSpace(member.Name) ? member.AadObjectId : member.Name;
            var result = await roster.AddMemberAsync(new RosterMember(member.AadObjectId, name, link.CountryIso3, Role.UnctMember), principal, cancellationToken);
            logger.RosterEdit("add from team", member.AadObjectId, principal.AadObjectId, result.GetType().Name);
            switch (result)
            {
                case RosterEditResult.Saved:
                    added.Add(RosterCards.Shorten(name, RosterCards.MaxNameInList));
                    break;
                case RosterEditResult.Denied denied:
                    return access.Denied(denied.Decision, principal, language);
                case RosterEditResult.AlreadyExists:
                    skipped.Add(strings.Format(language, "teamLink.alreadyOnRoster", ("name", RosterCards.Shorten(name, RosterCards.MaxNameInList))));
                    break;
                case RosterEditResult.Invalid invalid:
                    skipped.Add($"{RosterCards.Shorten(name, RosterCards.MaxNameInList)}: {strings.Get(language, "rosterProblem." + invalid.Error.Problem)}");
                    break;
                default:
                    skipped.Add(RosterCards.Shorten(name, RosterCards.MaxNameInList));
                    break;
            }
        }

        var notice = added.Count > 0
            ? strings.Format(language, "teamLink.added", ("count", added.Count), ("names", ListSome(added, language)), ("country", CountryName(link.CountryIso3, language)))
            : strings.Get(language, "teamLink.noneAdded");
        if (skipped.Count > 0)
        {
            notice += " " + strings.Format(language, "teamLink.skipped", ("details", ListSome(skipped, language)));
        }

        return await OfferCardAsync(turnContext, principal, link, "teamLink.alreadyLinked", (notice, added.Count == 0), language, cancellationToken);
    }

    /// <summary>Finds the link of the team the activity came from, after checking that the caller may manage its members.</summary>
    private async Task<(TeamLink? Link, string? ProblemCard)> FindLinkAsync(
        ITurnContext turnContext, Principal principal, Language language, CancellationToken cancellationToken)
    {
        var team = TeamOf(turnContext.Activity);
        if (team is null)
        {
            return (null, Message(language, strings.Get(language, "teamLink.notInTeam"), isWarning: true));
        }

        var management = CommandPermissions.DecideRosterManagement(principal);
        if (!management.IsAllowed)
        {
            logger.TeamLinkDenied("members", team.TeamId, principal.AadObjectId, management.Reason.ToString());
            return (null, access.Denied(management, principal, language));
        }

        var link = await links.FindAsync(team.TeamId, cancellationToken);
        return link is null ? (null, Message(language, strings.Get(language, "teamLink.notLinked"), isWarning: true)) : (link, null);
    }

    /// <summary>
    /// Renders the team's link and its members who are not on the roster, at most
    /// <see cref="MaxOffered"/> of them. Callers have checked that the caller may add members.
    /// </summary>
    private async Task<string> OfferCardAsync(
        ITurnContext turnContext,
        Principal principal,
        TeamLink link,
        string headingKey,
        (string Text, bool IsWarning)? notice,
        Language language,
        CancellationToken cancellationToken)
    {
        var country = CountryName(link.CountryIso3, language);
        List<TeamMember> missing;
        var readNote = string.Empty;
        try
        {
            var members = await directory.ListAsync(turnContext, link.TeamId, cancellationToken);
            var onRoster = (await roster.GetSnapshotAsync(cancellationToken)).Members
                .Select(member => member.AadObjectId)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            missing = members.Members
                .Where(member => !onRoster.Contains(member.AadObjectId))
                .DistinctBy(member => member.AadObjectId, StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (members.IsTruncated)
            {
                readNote = " " + strings.Format(language, "teamLink.membersTruncated", ("max", TeamMemberDirectory.MaxMembers));
            }
        }
        catch (Exception exception) when (exception is ErrorResponseException or HttpRequestException)
        {
            logger.TeamMembersUnavailable(exception, link.TeamId);
            missing = [];
            readNote = strings.Get(language, "teamLink.membersUnavailable");
        }

        // Names and emails come from Teams with no length limit, so fewer people are offered when the card would be too large.
        var shown = Math.Min(missing.Count, MaxOffered);
        while (true)
        {
            var offerText = missing.Count == 0 ? (readNote.Length > 0 ? string.Empty : strings.Get(language, "teamLink.everyoneOnRoster"))
                : shown < missing.Count ? strings.Format(language, "teamLink.offerPartial", ("shown", shown), ("count", missing.Count), ("country", country))
                : strings.Format(language, "teamLink.offer", ("count", missing.Count), ("country", country));
            var card = renderer.Render("team-members", new TeamMembersCardData(
                strings.Format(language, headingKey, ("country", country)),
                strings.Format(language, "teamLink.explanation", ("country", country)),
                notice is not null,
                notice?.Text ?? string.Empty,
                notice is { IsWarning: true } ? "Attention" : "Good",
                (offerText + readNote).Trim(),
                shown > 0,
                strings.Format(language, "teamLink.selectLabel", ("country", country)),
                missing.Take(shown).Select(member => new Choice(CandidateTitle(member), member.AadObjectId)).ToList(),
                strings.Format(language, "teamLink.add", ("country", country))));
            if (shown == 0 || Encoding.UTF8.GetByteCount(card) <= CardLimits.MaxCardBytes)
            {
                logger.TeamMembersOffered(link.TeamId, link.CountryIso3, principal.AadObjectId, missing.Count, shown);
                return card;
            }

            shown -= Math.Max(1, shown / 4);
        }
    }

    /// <summary>
    /// Serializes the activity's conversation reference for proactive messages. For a channel,
    /// the conversation id becomes the channel's own id (the team id for General) without the
    /// ";messageid=" of the thread the command was typed in, so that a later message starts a new post.
    /// </summary>
    private static string ConversationReferenceOf(IActivity activity, TeamChannel team)
    {
        var reference = activity.GetConversationReference();
        reference.ActivityId = null;

        // The reference shares the activity's ConversationAccount, and the reply to this activity still needs its thread id.
        var conversation = reference.Conversation;
        if (conversation is not null)
        {
            reference.Conversation = new ConversationAccount(
                conversation.IsGroup, conversation.ConversationType, team.ChannelId ?? team.TeamId, conversation.Name, conversation.AadObjectId, conversation.Role, conversation.TenantId);
        }

        return JsonConvert.SerializeObject(reference, Formatting.None, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });
    }

    /// <summary>Joins the first <see cref="MaxNamesInNotice"/> items and counts the rest.</summary>
    private string ListSome(IReadOnlyList<string> items, Language language) =>
        items.Count <= MaxNamesInNotice
            ? string.Join(", ", items)
            : string.Join(", ", items.Take(MaxNamesInNotice)) + " " + strings.Format(language, "teamLink.andMore", ("count", items.Count - MaxNamesInNotice));

    private static string CandidateTitle(TeamMember member)
    {
        var name = RosterCards.Shorten(string.IsNullOrWhiteSpace(member.Name) ? member.AadObjectId : member.Name, RosterCards.MaxNameInList);
        return string.IsNullOrWhiteSpace(member.Email) ? name : $"{name} ({RosterCards.Shorten(member.Email, RosterCards.MaxNameInList)})";
    }

    private static string CountryName(string countryIso3, Language language) =>
        CountryCatalog.FindByIso3(countryIso3)?.Name(language) ?? countryIso3;

    private string Message(Language language, string text, bool isWarning) =>
        common.Message(language, strings.Get(language, "teamLink.title"), text, isWarning, false);
}
