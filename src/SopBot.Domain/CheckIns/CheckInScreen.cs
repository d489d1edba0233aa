using SopBot.Domain.Countries;
using SopBot.Domain.Roster;
using SopBot.Domain.Sop;

namespace SopBot.Domain.CheckIns;

/// <summary>The member, country and quarter a check-in belongs to.</summary>
public sealed record CheckInContext(RosterMember Member, Country Country, Quarter Quarter);

/// <summary>What to show a member after a check-in request; the bot renders each as a card.</summary>
public abstract record CheckInScreen
{
    /// <summary>One element's card, with the answer stored for it and an optional notice above the inputs.</summary>
    public sealed record ElementCard(
        CheckInContext Context,
        CoreElement Element,
        ElementAnswer? Current,
        AnswerInput? Draft,
        CheckInNotice? Notice,
        CheckInProblem? Problem) : CheckInScreen;

    public sealed record Summary(CheckInContext Context, CheckInSummary Answers) : CheckInScreen;

    /// <summary>The member chose "Finish later"; their place is stored.</summary>
    public sealed record Paused(CheckInContext Context, int Position, int AnsweredCount) : CheckInScreen;

    /// <summary>The request was rejected and nothing changed.</summary>
    public sealed record Rejected(CheckInProblem Problem, CheckInContext? Context) : CheckInScreen;
}

public enum CheckInNotice
{
    /// <summary>Someone else answered this element after the member opened the card.</summary>
    AnsweredByOther,

    /// <summary>The answer was stored (shown on the summary after the last element).</summary>
    Saved,
}
