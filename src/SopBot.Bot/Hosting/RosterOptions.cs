using System.ComponentModel.DataAnnotations;

namespace SopBot.Bot.Hosting;

/// <summary>The roster file loaded into storage at start-up. Bound from the "Roster" section.</summary>
public sealed class RosterOptions
{
    public const string SectionName = "Roster";

    /// <summary>Path of a CSV with the header aadObjectId,displayName,countryIso3,role; relative paths start at the content root.</summary>
    [Required(ErrorMessage = "Roster:CsvPath is missing. Set it to the roster CSV file (header aadObjectId,displayName,countryIso3,role).")]
    public string CsvPath { get; set; } = string.Empty;
}
