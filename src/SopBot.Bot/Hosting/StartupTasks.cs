using Microsoft.Extensions.Options;
using SopBot.Bot.Cards;
using SopBot.Bot.Localization;
using SopBot.Bot.Teams;
using SopBot.Domain.Roster;
using SopBot.Storage;

namespace SopBot.Bot.Hosting;

/// <summary>
/// Runs before the bot takes requests: creates the tables and seeds an empty roster from the
/// roster file. Once the roster holds anyone it is managed from Teams, so the file is only
/// checked, never applied over those edits. A roster file with any invalid row stops the
/// start, naming every bad line. Taking the card renderer and the strings here makes a broken
/// template or string file fail the start too.
/// </summary>
public sealed class StartupTasks(
    CardRenderer cards,
    Localizer strings,
    SopBot.Knowledge.KnowledgeBase knowledge,
    SopBotTables tables,
    IRosterManagementStore roster,
    IOptions<StorageOptions> storageOptions,
    IOptions<RosterOptions> rosterOptions,
    IOptions<BotOptions> botOptions,
    TeamsAuthorization authorization,
    IHostEnvironment environment,
    ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (botOptions.Value.IsAnonymous)
        {
            logger.AnonymousMode();
        }

        if (authorization.AllowsAnyTenant)
        {
            logger.AnyTenantAllowed();
        }

        logger.CardsLoaded(cards.TemplateNames.Count, strings.EnglishKeys.Count);
        logger.KnowledgeLoaded(knowledge.Entries.Count);
        logger.CreatingTables(storageOptions.Value.TablePrefix);
        await tables.CreateIfNotExistsAsync(cancellationToken);
        await LoadRosterAsync(cancellationToken);
        logger.Started();
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        logger.Stopping();
        return Task.CompletedTask;
    }

    private async Task LoadRosterAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(rosterOptions.Value.CsvPath, environment.ContentRootPath);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Roster:CsvPath points to {path}, which does not exist.");
        }

        // Parsing the bytes, not a StreamReader, rejects invalid UTF-8 instead of replacing it.
        RosterParseResult result;
        await using (var stream = File.OpenRead(path))
        {
            result = RosterCsv.Parse(stream);
        }

        foreach (var error in result.Errors)
        {
            logger.RosterRowRejected(path, error.Line, error.Reason);
        }

        if (!result.IsValid)
        {
            throw new InvalidOperationException(
                $"The roster file {path} has {result.Errors.Count} invalid row(s); the first is line {result.Errors[0].Line}: {result.Errors[0].Reason}");
        }

        var stored = await roster.GetSnapshotAsync(cancellationToken);
        if (stored.Members.Count > 0)
        {
            logger.RosterFileSkipped(path, stored.Members.Count);
            return;
        }

        await roster.UpsertAsync(result.Members, cancellationToken);
        logger.RosterLoaded(result.Members.Count, path);
    }
}
