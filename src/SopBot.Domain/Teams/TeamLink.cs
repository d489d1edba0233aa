using SopBot.Domain.Roster;

namespace SopBot.Domain.Teams;

/// <summary>
/// A Teams team linked to the country whose UN Country Team uses it. <see cref="ChannelId"/> is
/// the channel the bot posts in, or null for the team's General channel.
/// <see cref="ConversationReference"/> is the Bot Framework conversation reference as JSON: the
/// bot writes and reads it, and storage keeps it as an opaque string.
/// </summary>
public sealed record TeamLink(
    string TeamId,
    string? ChannelId,
    string CountryIso3,
    string ConversationReference,
    string LinkedById,
    string LinkedByName,
    DateTimeOffset LinkedAt);

/// <summary>A request to link a team, with every value as the bot received it from Teams.</summary>
public sealed record TeamLinkRequest(string TeamId, string? ChannelId, string CountryIso3, string ConversationReference);

public enum TeamLinkAuditAction
{
    Linked,

    /// <summary>The team stayed linked to the same country with another channel or conversation reference.</summary>
    Updated,

    Unlinked,
}

/// <summary>One change to a team's link, kept forever: who, when, and the link before and after.</summary>
public sealed record TeamLinkAuditEntry(
    DateTimeOffset At,
    string ActorId,
    string ActorName,
    TeamLinkAuditAction Action,
    string TeamId,
    TeamLink? Before,
    TeamLink? After);

/// <summary>Why a team link request was rejected.</summary>
public enum TeamLinkProblem
{
    /// <summary>The team id is empty, longer than <see cref="TeamLinkRules.MaxIdLength"/> or has spaces or control characters.</summary>
    InvalidTeamId,

    /// <summary>The channel id is longer than <see cref="TeamLinkRules.MaxIdLength"/> or has spaces or control characters.</summary>
    InvalidChannelId,

    /// <summary>The conversation reference is missing, not a JSON object, or longer than <see cref="TeamLinkRules.MaxConversationReferenceLength"/>.</summary>
    InvalidConversationReference,
}

/// <summary>The outcome of linking or unlinking a team.</summary>
public abstract record TeamLinkResult
{
    /// <summary>The team is now linked to the country (it was not linked before).</summary>
    public sealed record Linked(TeamLink Link) : TeamLinkResult;

    /// <summary>The team was linked to the same country already, and its channel or conversation reference was replaced.</summary>
    public sealed record Updated(TeamLink Before, TeamLink Link) : TeamLinkResult;

    /// <summary>The team was linked to the same country with the same values. Nothing was written.</summary>
    public sealed record Unchanged(TeamLink Link) : TeamLinkResult;

    /// <summary>The team is linked to another country, so unlink it first. Nothing was written.</summary>
    public sealed record LinkedToOtherCountry(TeamLink Existing) : TeamLinkResult;

    /// <summary>The link was removed.</summary>
    public sealed record Unlinked(TeamLink Before) : TeamLinkResult;

    /// <summary>The team is not linked to any country. Nothing was written.</summary>
    public sealed record NotLinked(string TeamId) : TeamLinkResult;

    /// <summary>The request has an invalid value. Nothing was written.</summary>
    public sealed record Invalid(TeamLinkProblem Problem) : TeamLinkResult;

    /// <summary>The actor may not link or unlink teams for this country. Nothing was written.</summary>
    public sealed record Denied(AccessDecision Decision) : TeamLinkResult;
}
