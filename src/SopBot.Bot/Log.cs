using Microsoft.Extensions.Logging;

namespace SopBot.Bot;

/// <summary>
/// Every log message the bot writes. Messages carry ids, never user text, names or tokens
/// above Debug. Event ids: 1xx hosting, 2xx activities, 3xx check-in, 4xx knowledge, 5xx briefs,
/// 6xx roster, 7xx team links, 8xx authorization, 9xx errors.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Information, "Creating tables with prefix {TablePrefix}")]
    public static partial void CreatingTables(this ILogger logger, string tablePrefix);

    [LoggerMessage(101, LogLevel.Information, "Loaded {MemberCount} roster members from {RosterPath}")]
    public static partial void RosterLoaded(this ILogger logger, int memberCount, string rosterPath);

    [LoggerMessage(102, LogLevel.Error, "Roster file {RosterPath} line {Line} rejected: {Reason}")]
    public static partial void RosterRowRejected(this ILogger logger, string rosterPath, int line, string reason);

    [LoggerMessage(103, LogLevel.Warning, "Running in insecure anonymous local mode: requests are not authenticated")]
    public static partial void AnonymousMode(this ILogger logger);

    [LoggerMessage(104, LogLevel.Information, "SopBot started; storage tables ready")]
    public static partial void Started(this ILogger logger);

    [LoggerMessage(105, LogLevel.Information, "SopBot stopping")]
    public static partial void Stopping(this ILogger logger);

    [LoggerMessage(106, LogLevel.Information, "Loaded {TemplateCount} card templates and {StringCount} strings per language")]
    public static partial void CardsLoaded(this ILogger logger, int templateCount, int stringCount);

    [LoggerMessage(107, LogLevel.Information, "Loaded {EntryCount} knowledge entries")]
    public static partial void KnowledgeLoaded(this ILogger logger, int entryCount);

    [LoggerMessage(109, LogLevel.Information, "Roster file {RosterPath} not applied: storage already holds {MemberCount} members, managed from Teams")]
    public static partial void RosterFileSkipped(this ILogger logger, string rosterPath, int memberCount);

    [LoggerMessage(200, LogLevel.Information, "Activity {ActivityType} {ActivityId} in conversation {ConversationId} from {AadObjectId}")]
    public static partial void ActivityReceived(this ILogger logger, string? activityType, string? activityId, string? conversationId, string? aadObjectId);

    [LoggerMessage(201, LogLevel.Information, "Ignored activity type {ActivityType} {ActivityId}")]
    public static partial void UnknownActivityType(this ILogger logger, string? activityType, string? activityId);

    [LoggerMessage(202, LogLevel.Information, "Skipped duplicate activity {ActivityId} in conversation {ConversationId}")]
    public static partial void DuplicateActivity(this ILogger logger, string? activityId, string? conversationId);

    [LoggerMessage(203, LogLevel.Warning, "Rejected card action {Verb} in activity {ActivityId} from {AadObjectId}: {Reason}")]
    public static partial void CardActionRejected(this ILogger logger, string? verb, string? activityId, string? aadObjectId, string reason);

    [LoggerMessage(204, LogLevel.Debug, "Text command {Command} from {AadObjectId}")]
    public static partial void TextCommand(this ILogger logger, string command, string? aadObjectId);

    [LoggerMessage(205, LogLevel.Warning, "Rejected request body at /api/messages: {Reason}")]
    public static partial void MalformedRequest(this ILogger logger, string reason);

    [LoggerMessage(206, LogLevel.Warning, "Dropped malformed activity {ActivityType} {ActivityId}: {Reason}")]
    public static partial void MalformedActivity(this ILogger logger, string? activityType, string? activityId, string reason);

    [LoggerMessage(300, LogLevel.Information, "Check-in {Verb} by {AadObjectId} for {Country} {Quarter}: {Outcome}")]
    public static partial void CheckInStep(this ILogger logger, string verb, string aadObjectId, string? country, string? quarter, string outcome);

    [LoggerMessage(301, LogLevel.Warning, "Check-in request by {AadObjectId} rejected: {Problem}")]
    public static partial void CheckInRejected(this ILogger logger, string? aadObjectId, string problem);

    [LoggerMessage(400, LogLevel.Information, "Question answered with status {Status}, entry {EntryId}, coverage {Coverage:F2}")]
    public static partial void KnowledgeAnswered(this ILogger logger, string status, string? entryId, double coverage);

    [LoggerMessage(401, LogLevel.Information, "Feedback on entry {EntryId} stored: helpful {Helpful}, voter {AadObjectId}")]
    public static partial void FeedbackStored(this ILogger logger, string entryId, bool helpful, string aadObjectId);

    [LoggerMessage(402, LogLevel.Debug, "Question text: {Question}")]
    public static partial void QuestionText(this ILogger logger, string question);

    [LoggerMessage(500, LogLevel.Information, "Brief of {Country} for {AadObjectId}: {Outcome}")]
    public static partial void BriefServed(this ILogger logger, string? country, string? aadObjectId, string outcome);

    [LoggerMessage(108, LogLevel.Warning, "No Authorization:AllowedTenantIds is configured: in insecure anonymous local mode every tenant is allowed")]
    public static partial void AnyTenantAllowed(this ILogger logger);

    [LoggerMessage(600, LogLevel.Information, "Roster listed by {AadObjectId}: country {Country}, role {Role}, page {Page}, {MemberCount} members")]
    public static partial void RosterListed(this ILogger logger, string aadObjectId, string? country, string? role, int page, int memberCount);

    [LoggerMessage(601, LogLevel.Information, "Roster {Operation} of {MemberId} by {AadObjectId}: {Outcome}")]
    public static partial void RosterEdit(this ILogger logger, string operation, string memberId, string aadObjectId, string outcome);

    [LoggerMessage(602, LogLevel.Warning, "Roster {Operation} by {AadObjectId} denied: {Reason}")]
    public static partial void RosterRequestDenied(this ILogger logger, string operation, string aadObjectId, string reason);

    [LoggerMessage(603, LogLevel.Information,
        "Roster import {ImportId} previewed by {AadObjectId}: {Added} added, {Changed} changed, {Unchanged} unchanged, {Rejected} rejected")]
    public static partial void RosterImportPreviewed(this ILogger logger, string importId, string aadObjectId, int added, int changed, int unchanged, int rejected);

    [LoggerMessage(604, LogLevel.Information, "Roster import {ImportId} by {AadObjectId}: {Outcome}")]
    public static partial void RosterImportApplied(this ILogger logger, string importId, string aadObjectId, string outcome);

    [LoggerMessage(605, LogLevel.Information, "Roster exported by {AadObjectId}: {MemberCount} members at version {Version}, part {Part} of {PartCount}")]
    public static partial void RosterExported(this ILogger logger, string aadObjectId, int memberCount, long version, int part, int partCount);

    [LoggerMessage(606, LogLevel.Warning, "Roster file download from {Host} failed: {Reason}")]
    public static partial void RosterDownloadFailed(this ILogger logger, string? host, string reason);

    [LoggerMessage(700, LogLevel.Information, "Team {Operation} of {TeamId} to {Country} by {AadObjectId}: {Outcome}")]
    public static partial void TeamLinkChanged(this ILogger logger, string operation, string teamId, string? country, string aadObjectId, string outcome);

    [LoggerMessage(701, LogLevel.Warning, "Team {Operation} of {TeamId} by {AadObjectId} denied: {Reason}")]
    public static partial void TeamLinkDenied(this ILogger logger, string operation, string teamId, string aadObjectId, string reason);

    [LoggerMessage(702, LogLevel.Information, "Team {TeamId} of {Country} offered to {AadObjectId}: {MissingCount} members not on the roster, {OfferedCount} shown")]
    public static partial void TeamMembersOffered(this ILogger logger, string teamId, string country, string aadObjectId, int missingCount, int offeredCount);

    [LoggerMessage(703, LogLevel.Error, "Could not read the members of team {TeamId}")]
    public static partial void TeamMembersUnavailable(this ILogger logger, Exception exception, string teamId);

    [LoggerMessage(800, LogLevel.Warning, "Rejected activity {ActivityType} {ActivityId} from {AadObjectId}: tenant {TenantId} is not allowed")]
    public static partial void TenantRejected(this ILogger logger, string? activityType, string? activityId, string? aadObjectId, string? tenantId);

    [LoggerMessage(801, LogLevel.Information, "Command {Command} by {AadObjectId} denied: {Reason}")]
    public static partial void CommandDenied(this ILogger logger, string command, string aadObjectId, string reason);

    [LoggerMessage(802, LogLevel.Information, "Suggested a command to {AadObjectId} for a message that looked like a misspelt command")]
    public static partial void CommandSuggested(this ILogger logger, string aadObjectId);

    [LoggerMessage(900, LogLevel.Error, "Unhandled error in activity {ActivityType} {ActivityId} in conversation {ConversationId}")]
    public static partial void TurnError(this ILogger logger, Exception exception, string? activityType, string? activityId, string? conversationId);

    [LoggerMessage(901, LogLevel.Error, "Could not send the apology for activity {ActivityId}")]
    public static partial void ApologyFailed(this ILogger logger, Exception exception, string? activityId);
}
