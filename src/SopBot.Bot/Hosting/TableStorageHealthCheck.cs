using Microsoft.Extensions.Diagnostics.HealthChecks;
using SopBot.Storage;

namespace SopBot.Bot.Hosting;

/// <summary>Ready when the roster table answers a query.</summary>
public sealed class TableStorageHealthCheck(SopBotTables tables) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var _ in tables.Roster.QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken))
            {
                break;
            }

            return HealthCheckResult.Healthy();
        }
        catch (Azure.RequestFailedException exception)
        {
            return HealthCheckResult.Unhealthy($"Table storage answered {exception.Status}.");
        }
    }
}
