using SopBot.Domain.Sop;

namespace SopBot.Domain.CheckIns;

/// <summary>
/// The order of the check-in cards: elements 1 to 15 in pillar order, then the summary
/// (position <see cref="CheckInProgress.SummaryPosition"/>).
/// </summary>
public static class CheckInNavigator
{
    /// <summary>Returns the first element without an answer, or the summary when all are answered.</summary>
    public static int ResumePosition(IEnumerable<ElementAnswer> answers)
    {
        var answered = answers.Select(answer => answer.ElementNumber).ToHashSet();
        for (var number = 1; number <= SopCatalog.ElementCount; number++)
        {
            if (!answered.Contains(number))
            {
                return number;
            }
        }

        return CheckInProgress.SummaryPosition;
    }

    /// <summary>The card after element <paramref name="number"/>: the next element, or the summary after the last.</summary>
    public static int Next(int number) =>
        number >= SopCatalog.ElementCount ? CheckInProgress.SummaryPosition : number + 1;

    /// <summary>The card before element <paramref name="number"/>; the first element stays where it is.</summary>
    public static int Previous(int number) => Math.Max(1, number - 1);
}
