using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using SopBot.Bot.Cards;
using SopBot.Bot.Localization;
using SopBot.Bot.Teams;
using SopBot.Domain;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Roster;

/// <summary>
/// "import roster": a CSV pasted into a card or sent as a file in the chat is parsed, every
/// row checked, and a preview stored (added, changed, unchanged, rejected with the reason per
/// row). Only Confirm applies it, all or nothing, and only when no row is rejected. The
/// storage checks each row against the caller's roles and audits every change.
/// </summary>
public sealed class RosterImportResponder(
    IRosterManagementStore store,
    RosterFileDownloader downloader,
    RosterResponder roster,
    RosterCards rosterCards,
    CardRenderer renderer,
    CommonCards common,
    AccessMessages access,
    Localizer strings,
    ILogger<RosterImportResponder> logger)
{
    /// <summary>The content type of a file a user sends to the bot in Teams.</summary>
    public const string FileDownloadInfoType = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>Rows per preview page; rows that change nothing are counted, not listed.</summary>
    public const int RowsPerPage = 15;

    /// <summary>A row's reason is cut to this many characters on the card; it can quote a whole cell of the file.</summary>
    public const int MaxReasonLength = 300;

    public static IReadOnlySet<string> Verbs { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "roster.import.form", "roster.import.preview", "roster.import.page", "roster.import.apply", "roster.import.cancel",
    };

    /// <summary>Returns the first file attachment of the activity, or null when it has none.</summary>
    public static Attachment? FileAttachmentOf(IMessageActivity activity) =>
        activity.Attachments?.FirstOrDefault(attachment => attachment.ContentType == FileDownloadInfoType);

    /// <summary>"import roster": the form to paste a CSV into.</summary>
    public string Form(Principal principal, Language language)
    {
        var decision = Authorizer.Decide(principal, BotAction.ImportRoster);
        if (!decision.IsAllowed)
        {
            logger.RosterRequestDenied("import", principal.AadObjectId, decision.Reason.ToString());
            return access.Denied(decision, principal, language);
        }

        return renderer.Render("roster-import", new ImportFormCardData(
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
    }

    /// <summary>Previews the roster file the caller sent as an attachment, after checking that they may import.</summary>
    public async Task<string> PreviewFileAsync(Principal principal, Attachment attachment, Language language, CancellationToken cancellationToken)
    {
        var decision = Authorizer.Decide(principal, BotAction.ImportRoster);
        if (!decision.IsAllowed)
        {
            logger.RosterRequestDenied("import file", principal.AadObjectId, decision.Reason.ToString());
            return access.Denied(decision, principal, language);
        }

        var content = attachment.Content as JObject;
        var fileType = (content?["fileType"] as JValue)?.Value as string;
        var name = attachment.Name ?? string.Empty;
        if (!IsCsvOrText(fileType) && !name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return Message(language, strings.Get(language, "import.notCsv"));
        }

        var download = await downloader.DownloadAsync((content?["downloadUrl"] as JValue)?.Value as string, cancellationToken);
        return download switch
        {
            RosterDownload.Downloaded downloaded => await PreviewAsync(principal, RosterCsv.Parse(downloaded.Content), language, cancellationToken),
            RosterDownload.TooLarge => Message(language, strings.Format(language, "import.tooLarge", ("rows", RosterCsv.MaxDataRows))),
            RosterDownload.InvalidUrl => Message(language, strings.Get(language, "import.downloadFailed")),
            _ => Message(language, strings.Get(language, "import.downloadFailed")),
        };
    }

    public async Task<string> HandleAsync(string verb, object? data, Principal principal, Language language, CancellationToken cancellationToken)
    {
        var decision = Authorizer.Decide(principal, BotAction.ImportRoster);
        if (!decision.IsAllowed)
        {
            logger.RosterRequestDenied(verb, principal.AadObjectId, decision.Reason.ToString());
            return access.Denied(decision, principal, language);
        }

        switch (verb)
        {
            case "roster.import.form":
                return RosterSubmissions.TryParseListButton(data, out var formProblem) ? Form(principal, language) : InvalidData(verb, principal, formProblem!, language);
            case "roster.import.preview":
                if (!RosterSubmissions.TryParseImportPaste(data, out var paste, out var pasteProblem))
                {
                    return InvalidData(verb, principal, pasteProblem!, language);
                }

                // The text arrived as JSON, so it is valid Unicode; a lone surrogate becomes U+FFFD in UTF-8.
                return await PreviewAsync(principal, RosterCsv.Parse(Encoding.UTF8.GetBytes(paste!.Csv)), language, cancellationToken);
            case "roster.import.page":
            case "roster.import.apply":
            case "roster.import.cancel":
                if (!RosterSubmissions.TryParseImportPage(data, out var request, out var pageProblem))
                {
                    return InvalidData(verb, principal, pageProblem!, language);
                }

                return verb switch
                {
                    "roster.import.page" => await PageAsync(principal, request!, language, cancellationToken),
                    "roster.import.apply" => await ApplyAsync(principal, request!, language, cancellationToken),
                    _ => Cancel(principal, request!, language),
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(verb), verb, "Not a roster import verb.");
        }
    }

    private async Task<string> PreviewAsync(Principal principal, RosterParseResult parsed, Language language, CancellationToken cancellationToken)
    {
        var result = await store.PreviewImportAsync(parsed, principal, cancellationToken);
        if (result is PreviewImportResult.Denied denied)
        {
            logger.RosterRequestDenied("import", principal.AadObjectId, denied.Decision.Reason.ToString());
            return access.Denied(denied.Decision, principal, language);
        }

        var preview = ((PreviewImportResult.Created)result).Preview;
        logger.RosterImportPreviewed(
            preview.ImportId, principal.AadObjectId, preview.AddedCount, preview.ChangedCount, preview.UnchangedCount, preview.RejectedCount);
        return Preview(preview, 1, language);
    }

    private async Task<string> PageAsync(Principal principal, ImportPageRequest request, Language language, CancellationToken cancellationToken)
    {
        var preview = await store.GetImportAsync(request.ImportId, principal, cancellationToken);
        return preview is null
            ? Message(language, strings.Get(language, "importProblem." + ApplyImportProblem.NotFound))
            : Preview(preview, request.Page, language);
    }

    private async Task<string> ApplyAsync(Principal principal, ImportPageRequest request, Language language, CancellationToken cancellationToken)
    {
        var result = await store.ApplyImportAsync(request.ImportId, principal, cancellationToken);
        logger.RosterImportApplied(request.ImportId, principal.AadObjectId, result.ToString());
        return result switch
        {
            ApplyImportResult.Applied applied => await roster.ListWithNoticeAsync(
                principal,
                strings.Format(language, "import.applied", ("added", applied.AddedCount), ("changed", applied.ChangedCount)),
                language,
                cancellationToken),
            ApplyImportResult.NotApplied notApplied => Message(language, strings.Get(language, "importProblem." + notApplied.Problem)),
            ApplyImportResult.Denied denied => access.Denied(denied.Decision, principal, language),
            _ => throw new InvalidOperationException($"Unexpected import result {result.GetType().Name}."),
        };
    }

    private string Cancel(Principal principal, ImportPageRequest request, Language language)
    {
        logger.RosterImportApplied(request.ImportId, principal.AadObjectId, "cancelled");
        return common.Message(language, strings.Get(language, "import.heading"), strings.Get(language, "import.cancelled"), false, false);
    }

    /// <summary>Renders page <paramref name="page"/> of the rows that add, change or reject something: rejected rows first, then the rest in line order.</summary>
    private string Preview(RosterImportPreview preview, int page, Language language)
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

    private static bool IsCsvOrText(string? fileType) =>
        string.Equals(fileType, "csv", StringComparison.OrdinalIgnoreCase) || string.Equals(fileType, "txt", StringComparison.OrdinalIgnoreCase);

    private static string NameOf(RosterMember member) => RosterCards.Shorten(member.DisplayName, RosterCards.MaxNameInList);

    private string Message(Language language, string text) =>
        common.Message(language, strings.Get(language, "import.heading"), text, true, false);

    private string InvalidData(string verb, Principal principal, string problem, Language language)
    {
        logger.CardActionRejected(verb, null, principal.AadObjectId, problem);
        return common.Message(language, strings.Get(language, "problem.title"), strings.Format(language, "card.invalidData", ("detail", problem)), true, false);
    }
}
