using System.Globalization;

namespace SopBot.Benchmarks;

/// <summary>One line of the results table. Latencies in milliseconds, throughput in requests per second.</summary>
internal sealed record ResultRow(string Scenario, int Requests, double P50, double P95, double P99, double Max, double Throughput, int Errors, int Conflicts)
{
    /// <summary>
    /// Summarizes the samples of one scenario. Percentiles use the nearest-rank method over
    /// every request, conflicts and errors included. Throughput divides by the phase's wall time.
    /// </summary>
    public static ResultRow From(string scenario, IReadOnlyList<RequestSample> samples, TimeSpan wallTime)
    {
        var sorted = samples.Select(sample => sample.Milliseconds).Order().ToArray();
        return new ResultRow(
            scenario,
            sorted.Length,
            Percentile(sorted, 50),
            Percentile(sorted, 95),
            Percentile(sorted, 99),
            sorted.Length == 0 ? double.NaN : sorted[^1],
            wallTime > TimeSpan.Zero ? sorted.Length / wallTime.TotalSeconds : double.NaN,
            samples.Count(sample => sample.Outcome == Outcome.Error),
            samples.Count(sample => sample.Outcome == Outcome.Conflict));
    }

    private static double Percentile(double[] sorted, int percent)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}

internal static class ResultTable
{
    public static void Print(IReadOnlyList<ResultRow> rows)
    {
        var width = Math.Max(8, rows.Max(row => row.Scenario.Length));
        Console.WriteLine(
            $"{"scenario".PadRight(width)}  {"requests",8}  {"p50 ms",8}  {"p95 ms",8}  {"p99 ms",8}  {"max ms",8}  {"req/s",8}  {"errors",6}  {"conflicts",9}");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{row.Scenario.PadRight(width)}  {row.Requests,8}  {Milliseconds(row.P50),8}  {Milliseconds(row.P95),8}  {Milliseconds(row.P99),8}  "
                + $"{Milliseconds(row.Max),8}  {Rate(row.Throughput),8}  {row.Errors,6}  {row.Conflicts,9}"));
        }
    }

    private static string Milliseconds(double value) =>
        double.IsNaN(value) ? "-" : value.ToString(value < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static string Rate(double value) => double.IsNaN(value) ? "-" : value.ToString("0.0", CultureInfo.InvariantCulture);
}
