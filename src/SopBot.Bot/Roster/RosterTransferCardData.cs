namespace SopBot.Bot.Roster;

/// <summary>Data bound into cards/roster-import.json: the form to paste a roster CSV.</summary>
public sealed record ImportFormCardData(string Heading, IReadOnlyList<string> Instructions, string CsvLabel, string CsvPlaceholder, string PreviewLabel);

/// <summary>What the preview's buttons send back: the stored import and the page of rows to show.</summary>
public sealed record ImportPageData(string ImportId, int Page);

public sealed record ImportFact(string Title, string Value);

/// <summary>One row of a preview page: its kind ("Rejected", "Add", "Change") in the kind's color, then the details.</summary>
public sealed record ImportRowData(string Kind, string Color, string Text);

public sealed record ImportPreviewLabels(string Confirm, string Cancel, string Previous, string Next);

/// <summary>Data bound into cards/roster-import-preview.json.</summary>
public sealed record ImportPreviewCardData(
    string Heading,
    IReadOnlyList<ImportFact> Counts,
    string Summary,
    string SummaryColor,
    string PageInfo,
    IReadOnlyList<ImportRowData> Rows,
    bool CanApply,
    bool HasPrevious,
    bool HasNext,
    ImportPageData ApplyData,
    ImportPageData PreviousData,
    ImportPageData NextData,
    ImportPreviewLabels Labels);

/// <summary>What the export's part buttons send back: the part to show and the roster version of the first part.</summary>
public sealed record ExportPartData(int Part, long Version);

/// <summary>Data bound into cards/roster-export.json: one part of the roster as CSV text.</summary>
public sealed record ExportCardData(
    string Heading,
    string Text,
    bool HasNotice,
    string Notice,
    string CsvLabel,
    string Csv,
    bool HasPrevious,
    bool HasNext,
    ExportPartData PreviousData,
    ExportPartData NextData,
    string PreviousLabel,
    string NextLabel);
