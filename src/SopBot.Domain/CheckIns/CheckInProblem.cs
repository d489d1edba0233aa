namespace SopBot.Domain.CheckIns;

/// <summary>Why a check-in request was rejected. The bot turns each into a message in the member's language.</summary>
public enum CheckInProblem
{
    NotOnRoster,
    NoCountry,

    /// <summary>The caller is on the roster with a country but without the UNCT member role, which checking in needs.</summary>
    NotUnctMember,
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
