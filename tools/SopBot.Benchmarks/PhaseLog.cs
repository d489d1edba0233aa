namespace SopBot.Benchmarks;

internal enum Outcome
{
    Success,

    /// <summary>A save that returned the same element with the notice that another member saved it first.</summary>
    Conflict,

    /// <summary>A non-success status, a timeout, a transport failure or a card other than the expected one.</summary>
    Error,
}

/// <summary>One timed request: from sending it to reading the last byte of the response.</summary>
internal readonly record struct RequestSample(string Operation, double Milliseconds, Outcome Outcome);

/// <summary>The requests of one measured phase, and the errors among them counted by description. Thread-safe.</summary>
internal sealed class PhaseLog(string name)
{
    private readonly List<RequestSample> _samples = [];
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);
    private int _abandonedCheckIns;

    public string Name { get; } = name;

    /// <summary>Time from the start of the first request to the last response, summed over the runs logged here.</summary>
    public TimeSpan WallTime { get; set; }

    /// <summary>CPU time that the bot, Azurite and the benchmark itself used during the phase.</summary>
    public CpuUsage Cpu { get; set; } = CpuUsage.Zero;

    /// <summary>Check-ins that stopped after more than <see cref="CheckInSession.MaxConflictsPerElement"/> conflicts in a row on one element.</summary>
    public int AbandonedCheckIns => Volatile.Read(ref _abandonedCheckIns);

    public void AbandonCheckIn() => Interlocked.Increment(ref _abandonedCheckIns);

    public void Add(RequestSample sample)
    {
        lock (_samples)
        {
            _samples.Add(sample);
        }
    }

    public void AddError(string operation, double milliseconds, string description)
    {
        lock (_samples)
        {
            _samples.Add(new RequestSample(operation, milliseconds, Outcome.Error));
            _errors[description] = _errors.GetValueOrDefault(description) + 1;
        }
    }

    public IReadOnlyList<RequestSample> Samples()
    {
        lock (_samples)
        {
            return _samples.ToList();
        }
    }

    /// <summary>Error descriptions with their counts, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Errors()
    {
        lock (_samples)
        {
            return _errors.OrderByDescending(error => error.Value).ThenBy(error => error.Key, StringComparer.Ordinal).ToList();
        }
    }
}

/// <summary>CPU time of the three processes that share the machine during a phase.</summary>
internal sealed record CpuUsage(TimeSpan Bot, TimeSpan Azurite, TimeSpan Benchmark)
{
    public static CpuUsage Zero { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    public static CpuUsage operator -(CpuUsage after, CpuUsage before) =>
        new(after.Bot - before.Bot, after.Azurite - before.Azurite, after.Benchmark - before.Benchmark);

    public static CpuUsage operator +(CpuUsage first, CpuUsage second) =>
        new(first.Bot + second.Bot, first.Azurite + second.Azurite, first.Benchmark + second.Benchmark);
}
