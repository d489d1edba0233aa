using System.Text;
using System.Text.Encodings.Web;
using SopBot.Bot.Cards;
using SopBot.Bot.Localization;
using SopBot.Bot.Teams;
using SopBot.Domain;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Roster;

/// <summary>
/// "export roster": the whole roster as CSV text in a card, in parts small enough for Teams.
/// <para>
/// A bot can attach a file in a personal chat only through the file consent flow (a
/// FileConsentCard, the user's consent, then an upload to their OneDrive), which needs Graph
/// permissions and does not exist in the Agents Playground. Instead the CSV is the value of a
/// multi-line text box, from which it can be copied as it is. Each part starts with the header,
/// so each part is a roster file that imports on its own. Cells that a spreadsheet would run as a
/// formula get a leading single quote (see <see cref="RosterCsv.Write"/>).
/// </para>
/// </summary>
public sealed class RosterExportResponder(
    IRosterManagementStore store,
    CardRenderer renderer,
    AccessMessages access,
    CommonCards common,
    Localizer strings,
    ILogger<RosterExportResponder> logger)
{
    /// <summary>
    /// The maximum size in bytes of one part's CSV once escaped for JSON. With the card's other text it keeps
    /// the card under Teams' size limit; CardRenderingTests checks a part of the largest rows.
    /// </summary>
    public const int MaxPartBytes = 12_000;

    public static IReadOnlySet<string> Verbs { get; } = new HashSet<string>(StringComparer.Ordinal) { "roster.export", "roster.export.page" };

    /// <summary>Returns part <paramref name="part"/> (from 1) of the current roster; <paramref name="shownVersion"/> is the version of the part on the card, if any.</summary>
    public async Task<string> ExportAsync(Principal principal, int part, long? shownVersion, Language language, CancellationToken cancellationToken)
    {
        var decision = Authorizer.Decide(principal, BotAction.ExportRoster);
        if (!decision.IsAllowed)
        {
            logger.RosterRequestDenied("export", principal.AadObjectId, decision.Reason.ToString());
            return access.Denied(decision, principal, language);
        }

        var snapshot = await store.GetSnapshotAsync(cancellationToken);
        var parts = SplitIntoParts(snapshot.Members);
        part = Math.Clamp(part, 1, parts.Count);
        logger.RosterExported(principal.AadObjectId, snapshot.Members.Count, snapshot.Version, part, parts.Count);
        var changed = shownVersion is not null && shownVersion != snapshot.Version;
        return renderer.Render("roster-export", new ExportCardData(
            strings.Get(language, "export.heading"),
            strings.Format(language, "export.text", ("count", snapshot.Members.Count), ("part", part), ("parts", parts.Count)),
            changed,
            changed ? strings.Get(language, "export.changed") : string.Empty,
            strings.Get(language, "export.csvLabel"),
            parts[part - 1],
            part > 1,
            part < parts.Count,
            new ExportPartData(part - 1, snapshot.Version),
            new ExportPartData(part + 1, snapshot.Version),
            strings.Get(language, "export.previous"),
            strings.Get(language, "export.next")));
    }

    public async Task<string> HandleAsync(string verb, object? data, Principal principal, Language language, CancellationToken cancellationToken)
    {
        if (verb == "roster.export")
        {
            return RosterSubmissions.TryParseListButton(data, out var problem)
                ? await ExportAsync(principal, 1, null, language, cancellationToken)
                : InvalidData(verb, principal, problem!, language);
        }

        return RosterSubmissions.TryParseExportPart(data, out var request, out var partProblem)
            ? await ExportAsync(principal, request!.Part, request.Version, language, cancellationToken)
            : InvalidData(verb, principal, partProblem!, language);
    }

    /// <summary>
    /// Writes the roster as CSV and cuts it into parts of at most <see cref="MaxPartBytes"/>
    /// JSON-escaped bytes, each starting with the header. Rows are never cut: the roster rules
    /// allow no line break in any value, so every row is one line.
    /// </summary>
    public static IReadOnlyList<string> SplitIntoParts(IEnumerable<RosterMember> members)
    {
        using var writer = new StringWriter();
        RosterCsv.Write(writer, members);
        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0] + "\r\n";
        var parts = new List<string>();
        var current = new StringBuilder(header);
        var currentBytes = EscapedBytes(header);
        foreach (var line in lines.Skip(1))
        {
            var row = line + "\r\n";
            var rowBytes = EscapedBytes(row);
            if (current.Length > header.Length && currentBytes + rowBytes > MaxPartBytes)
            {
                parts.Add(current.ToString());
                current = new StringBuilder(header);
                currentBytes = EscapedBytes(header);
            }

            current.Append(row);
            currentBytes += rowBytes;
        }

        parts.Add(current.ToString());
        return parts;
    }

    private static int EscapedBytes(string text) => Encoding.UTF8.GetByteCount(JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(text));

    private string InvalidData(string verb, Principal principal, string problem, Language language)
    {
        logger.CardActionRejected(verb, null, principal.AadObjectId, problem);
        return common.Message(language, strings.Get(language, "request.title"), strings.Format(language, "card.invalidData", ("detail", problem)), true, false);
    }
}
