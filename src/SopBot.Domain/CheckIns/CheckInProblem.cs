namespace SopBot.Domain.CheckIns;

/// <summary>Why a check-in request was rejected. The bot turns each into a message in the member's language.</summary>
public enum CheckInProblem
{
    NotOnRoster,
    NoCountry,
    UnknownElement,
    UnknownStatus,
    MissingStatus,
    NoteTooLong,
    EvidenceTooLong,
    ForbiddenCharacters,
    ReasonRequired,
    WrongCountry,
    ClosedQuarter,
}
