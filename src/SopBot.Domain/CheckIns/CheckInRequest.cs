namespace SopBot.Domain.CheckIns;

/// <summary>What a member asks for from a check-in card.</summary>
public enum CheckInAction
{
    Save,
    Back,
    Skip,
    Pause,
    Open,
    Summary,
}

/// <summary>
/// A check-in card action as submitted, every field still unchecked text. Country and quarter
/// only say which card was clicked: the member's country always comes from the roster.
/// </summary>
public sealed record CheckInRequest(
    CheckInAction Action,
    string? Element,
    string? CountryIso3,
    string? Quarter,
    string? Version,
    string? Status,
    string? Note,
    string? TermsOfReference,
    string? ProductOrLink,
    string? ContactRole);
