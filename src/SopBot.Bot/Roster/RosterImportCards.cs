using SopBot.Bot.Cards;
using SopBot.Bot.Localization;
using SopBot.Domain;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Roster;

/// <summary>Renders the roster import form and the pages of an import preview.</summary>
public sealed class RosterImportCards(CardRenderer renderer, RosterCards rosterCards, Localizer strings)
{
    /// <summary>Rows per preview page; rows that change nothing are counted, not listed.</summary>
    public const int RowsPerPage = 15;

    /// <summary>A row's reason is cut to this many characters on the card; it can quote a whole cell of the file.</summary>
    public const int MaxReasonLength = 300;

    public string Form(Language language) =>
        renderer.Render("roster-import", new ImportFormCardData(
            strings.Get(language, "import.heading"),
            [
                strings.Get(language, "import.howToSend"),
                strings.Get(language, "import.header"),
                strings.Get(language, "import.roles"),
                strings.Get(language, "import.effect"),
                strings.Format(language, "import.limits", ("rows", RosterCsv.MaxDataRows)),
            ],
            strings.Get(language, "import.csvLabel"),
            strings.Get(language, "import.csvPlaceholder"),
            strings.Get(language, "import.preview")));

    /// <summary>Renders page <paramref name="page"/> of the rows that add, change or reject something: rejected rows first, then the rest in line order.</summary>
    public string Preview(RosterImportPreview preview, int page, Language language)
    {
        var listed = preview.Rows
            .Where(row => row.Kind != RosterImportRowKind.Unchanged)
            .OrderBy(row => row.Kind == RosterImportRowKind.Rejected ? 0 : 1)
            .ThenBy(row => row.Line)
            .ToList();
        var pageCount = Math.Max(1, (listed.Count + RowsPerPage - 1) / RowsPerPage);
        page = Math.Clamp(page, 1, pageCount);
        var rows = listed.Skip((page - 1) * RowsPerPage).Take(RowsPerPage).Select(row => Row(row, language)).ToList();
        var first = listed.Count == 0 ? 0 : ((page - 1) * RowsPerPage) + 1;
        var summaryKey = preview.Status == RosterImportStatus.Applied ? "import.alreadyApplied"
            : preview.RejectedCount > 0 ? "import.hasRejected"
            : preview.CanApply ? "import.ready"
            : "import.nothingToApply";

        return renderer.Render("roster-import-preview", new ImportPreviewCardData(
            strings.Get(language, "import.previewHeading"),
            [
                new ImportFact(strings.Get(language, "import.added"), preview.AddedCount.ToString(Localizer.CultureFor(language))),
                new ImportFact(strings.Get(language, "import.changed"), preview.ChangedCount.ToString(Localizer.CultureFor(language))),
                new ImportFact(strings.Get(language, "import.unchanged"), preview.UnchangedCount.ToString(Localizer.CultureFor(language))),
                new ImportFact(strings.Get(language, "import.rejected"), preview.RejectedCount.ToString(Localizer.CultureFor(language))),
            ],
            strings.Get(language, summaryKey),
            preview.RejectedCount > 0 ? "Attention" : "Default",
            strings.Format(language, "import.pageInfo",
                ("first", first), ("last", first == 0 ? 0 : first + rows.Count - 1), ("total", listed.Count), ("page", page), ("pages", pageCount)),
            rows,
            preview.CanApply && preview.Status == RosterImportStatus.Pending,
            page > 1,
            page < pageCount,
            new ImportPageData(preview.ImportId, page),
            new ImportPageData(preview.ImportId, page - 1),
            new ImportPageData(preview.ImportId, page + 1),
            new ImportPreviewLabels(
                strings.Get(language, "import.confirm"),
                strings.Get(language, "import.cancel"),
                strings.Get(language, "import.previous"),
                strings.Get(language, "import.next"))));
    }

    private ImportRowData Row(RosterImportRow row, Language language)
    {
        var line = row.Line == 0 ? strings.Get(language, "import.wholeFile") : strings.Format(language, "import.line", ("line", row.Line));
        return row.Kind switch
        {
            RosterImportRowKind.Rejected => new ImportRowData(
                strings.Get(language, "import.kindRejected"),
                "Attention",
                $"{line}: {RosterCards.Shorten(Describe(row, language), MaxReasonLength)}"),
            RosterImportRowKind.Added => new ImportRowData(
                strings.Get(language, "import.kindAdded"),
                "Good",
                $"{line}: {NameOf(row.After!)} · {rosterCards.Details(row.After!, language)}"),
            _ => new ImportRowData(
                strings.Get(language, "import.kindChanged"),
                "Warning",
                $"{line}: {NameOf(row.After!)} · {rosterCards.Details(row.After!, language)} ({strings.Format(language, "import.was", ("before", $"{NameOf(row.Before!)} · {rosterCards.Details(row.Before!, language)}"))})"),
        };
    }

    /// <summary>The reason of a rejected row: the parser's English reason, after the problem's name in the caller's language.</summary>
    private string Describe(RosterImportRow row, Language language)
    {
        var reason = row.Reason ?? string.Empty;
        return row.Problem is { } problem && language == Language.Spanish
            ? $"{strings.Get(language, "rosterProblem." + problem)} ({reason})"
            : reason;
    }

    private static string NameOf(RosterMember member) => RosterCards.Shorten(member.DisplayName, RosterCards.MaxNameInList);
}
