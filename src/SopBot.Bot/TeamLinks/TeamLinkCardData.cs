using SopBot.Bot.Roster;

namespace SopBot.Bot.TeamLinks;

/// <summary>Data bound into cards/team-members.json: a team's link and the offer to add its members who are not on the roster.</summary>
public sealed record TeamMembersCardData(
    string Heading,
    string Text,
    bool HasNotice,
    string Notice,
    string NoticeColor,
    string OfferText,
    bool HasCandidates,
    string SelectLabel,
    IReadOnlyList<Choice> Candidates,
    string AddLabel);
