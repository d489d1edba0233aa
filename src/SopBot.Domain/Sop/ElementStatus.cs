namespace SopBot.Domain.Sop;

/// <summary>How far a country has implemented a core element.</summary>
public enum ElementStatus
{
    NotStarted,
    InProgress,
    Achieved,
    NotApplicable,
}

public static class ElementStatuses
{
    public static IReadOnlyList<ElementStatus> All { get; } =
        [ElementStatus.Achieved, ElementStatus.InProgress, ElementStatus.NotStarted, ElementStatus.NotApplicable];

    /// <summary>The stable code used in card data and storage, for example "inProgress".</summary>
    public static string Code(this ElementStatus status) => status switch
    {
        ElementStatus.Achieved => "achieved",
        ElementStatus.InProgress => "inProgress",
        ElementStatus.NotStarted => "notStarted",
        ElementStatus.NotApplicable => "notApplicable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    public static bool TryParse(string? code, out ElementStatus status)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static string Label(this ElementStatus status, Language language) => (status, language) switch
    {
        (ElementStatus.Achieved, Language.Spanish) => "Logrado",
        (ElementStatus.InProgress, Language.Spanish) => "En curso",
        (ElementStatus.NotStarted, Language.Spanish) => "No iniciado",
        (ElementStatus.NotApplicable, Language.Spanish) => "No aplica",
        (ElementStatus.Achieved, _) => "Achieved",
        (ElementStatus.InProgress, _) => "In progress",
        (ElementStatus.NotStarted, _) => "Not started",
        (ElementStatus.NotApplicable, _) => "Not applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };
}
