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
    RosterImportCards cards,
    CommonCards common,
    AccessMessages access,
    Localizer strings,
    ILogger<RosterImportResponder> logger)
{
    /// <summary>The content type of a file a user sends to the bot in Teams.</summary>
    public const string FileDownloadInfoType = "application/vnd.microsoft.teams.file.download.info";

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

        return cards.Form(language);
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
        return cards.Preview(preview, 1, language);
    }

    private async Task<string> PageAsync(Principal principal, ImportPageRequest request, Language language, CancellationToken cancellationToken)
    {
        var preview = await store.GetImportAsync(request.ImportId, principal, cancellationToken);
        return preview is null
            ? Message(language, strings.Get(language, "importProblem." + ApplyImportProblem.NotFound))
            : cards.Preview(preview, request.Page, language);
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

    private static bool IsCsvOrText(string? fileType) =>
        string.Equals(fileType, "csv", StringComparison.OrdinalIgnoreCase) || string.Equals(fileType, "txt", StringComparison.OrdinalIgnoreCase);

    private string Message(Language language, string text) =>
        common.Message(language, strings.Get(language, "import.heading"), text, true, false);

    private string InvalidData(string verb, Principal principal, string problem, Language language)
    {
        logger.CardActionRejected(verb, null, principal.AadObjectId, problem);
        return common.Message(language, strings.Get(language, "request.title"), strings.Format(language, "card.invalidData", ("detail", problem)), true, false);
    }
}
