using Azure.Data.Tables;

namespace SopBot.Storage;

/// <summary>The tables SopBot uses, named with the configured prefix, created at start-up.</summary>
public sealed class SopBotTables
{
    public SopBotTables(TableServiceClient service, StorageOptions options)
    {
        CheckIns = service.GetTableClient(options.TablePrefix + "CheckIns");
        CheckInProgress = service.GetTableClient(options.TablePrefix + "CheckInProgress");
        Roster = service.GetTableClient(options.TablePrefix + "Roster");
        Claims = service.GetTableClient(options.TablePrefix + "Claims");
        Feedback = service.GetTableClient(options.TablePrefix + "Feedback");
        RosterImports = service.GetTableClient(options.TablePrefix + "RosterImports");
        TeamLinks = service.GetTableClient(options.TablePrefix + "TeamLinks");
    }

    /// <summary>Current answers and their history, one partition per country and quarter.</summary>
    public TableClient CheckIns { get; }

    /// <summary>Each member's place in their check-in.</summary>
    public TableClient CheckInProgress { get; }

    /// <summary>
    /// The roster in one partition: the pointer to the current generation, the members of each
    /// generation, and the audit trail. See <see cref="TableRosterStore"/>.
    /// </summary>
    public TableClient Roster { get; }

    /// <summary>Markers for work done once only: processed activities, welcomes sent.</summary>
    public TableClient Claims { get; }

    /// <summary>Helpful and Not helpful votes on knowledge answers.</summary>
    public TableClient Feedback { get; }

    /// <summary>Roster import previews, one partition per import id. Applied previews are kept.</summary>
    public TableClient RosterImports { get; }

    /// <summary>Teams teams linked to countries, with the audit trail of each team in its partition.</summary>
    public TableClient TeamLinks { get; }

    public IEnumerable<TableClient> All => [CheckIns, CheckInProgress, Roster, Claims, Feedback, RosterImports, TeamLinks];

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        foreach (var table in All)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
