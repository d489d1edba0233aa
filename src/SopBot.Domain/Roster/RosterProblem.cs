namespace SopBot.Domain.Roster;

/// <summary>Why a roster row, a roster file or a roster change was rejected. The bot turns each into a message.</summary>
public enum RosterProblem
{
    /// <summary>The aadObjectId cell is empty.</summary>
    MissingId,

    /// <summary>The id is too long or has characters other than letters, digits and - _ . : @.</summary>
    InvalidId,

    /// <summary>The display name is too long or has control characters.</summary>
    InvalidDisplayName,

    /// <summary>The country is not in the country catalog.</summary>
    UnknownCountry,

    /// <summary>A UNCT member has no country.</summary>
    MissingCountry,

    /// <summary>The role cell is empty.</summary>
    MissingRole,

    /// <summary>A role code is not one of unctMember, secretariat, regionalDirector, administrator.</summary>
    InvalidRole,

    /// <summary>The same id appears on an earlier line of the file.</summary>
    DuplicateId,

    /// <summary>A cell starts with =, +, -, @, a tab or a carriage return, which spreadsheets run as a formula.</summary>
    FormulaCell,

    /// <summary>A quote is not closed, or appears inside a field that is not quoted.</summary>
    InvalidQuotes,

    /// <summary>The row has fewer fields than the header, or more.</summary>
    WrongFieldCount,

    /// <summary>The first line is not the header aadObjectId, displayName, countryIso3, role.</summary>
    MissingHeader,

    /// <summary>The file is larger than <see cref="RosterCsv.MaxBytes"/>.</summary>
    FileTooLarge,

    /// <summary>The file has more than <see cref="RosterCsv.MaxDataRows"/> data rows.</summary>
    TooManyRows,

    /// <summary>The file is not valid UTF-8.</summary>
    InvalidEncoding,

    /// <summary>The person importing the file may not make this change, for example granting the Secretariat role.</summary>
    NotAuthorized,
}
