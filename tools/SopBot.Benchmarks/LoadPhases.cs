using System.Diagnostics;

namespace SopBot.Benchmarks;

/// <summary>
/// Runs the traffic of one phase into its <see cref="PhaseLog"/>: concurrent check-ins, or
/// concurrent GET /healthz/live. Every worker sends its next request as soon as the previous
/// response arrives, with no pause in between (a closed loop).
/// </summary>
internal sealed class LoadPhases(BotClient client, Func<CpuUsage> readCpu)
{
    /// <summary>
    /// Lets every member run <paramref name="rounds"/> full check-ins one after another, all
    /// members at the same time. Rounds are numbered from <paramref name="firstRound"/> so that
    /// a member who runs again saves different inputs.
    /// </summary>
    public Task CheckInsAsync(PhaseLog log, IReadOnlyList<BenchmarkMember> members, int firstRound, int rounds, CancellationToken cancellationToken) =>
        MeasureAsync(log, members.Select(member => (Func<Task>)(async () =>
        {
            for (var round = firstRound; round < firstRound + rounds; round++)
            {
                await CheckInSession.RunAsync(client, member, round, log, cancellationToken);
            }
        })));

    /// <summary>Sends <paramref name="requestsPerWorker"/> GET /healthz/live requests from each of <paramref name="workers"/> workers at the same time.</summary>
    public Task HealthAsync(PhaseLog log, int workers, int requestsPerWorker, CancellationToken cancellationToken) =>
        MeasureAsync(log, Enumerable.Range(0, workers).Select(_ => (Func<Task>)(async () =>
        {
            for (var request = 0; request < requestsPerWorker; request++)
            {
                var (milliseconds, error) = await client.GetLiveAsync(cancellationToken);
                if (error is null)
                {
                    log.Add(new RequestSample("GET /healthz/live", milliseconds, Outcome.Success));
                }
                else
                {
                    log.AddError("GET /healthz/live", milliseconds, "GET /healthz/live: " + error);
                }
            }
        })));

    private async Task MeasureAsync(PhaseLog log, IEnumerable<Func<Task>> workers)
    {
        var cpuBefore = readCpu();
        var watch = Stopwatch.StartNew();
        try
        {
            // Task.Run starts every worker on the thread pool, so no worker waits for another to send its first request.
            await Task.WhenAll(workers.Select(worker => Task.Run(worker)));
        }
        finally
        {
            log.WallTime += watch.Elapsed;
            log.Cpu += readCpu() - cpuBefore;
        }
    }
}
