namespace SopBot.Domain.CheckIns;

/// <summary>Country-level answers with their change history.</summary>
public interface ICheckInStore
{
    Task<IReadOnlyList<ElementAnswer>> GetAnswersAsync(string countryIso3, Quarter quarter, CancellationToken cancellationToken);

    Task<IReadOnlyList<AnswerHistoryEntry>> GetHistoryAsync(string countryIso3, Quarter quarter, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the answer and a history entry together, only if the current answer still has
    /// <paramref name="expectedVersion"/> (null: no answer exists yet).
    /// </summary>
    Task<SaveAnswerResult> SaveAnswerAsync(
        string countryIso3,
        Quarter quarter,
        int elementNumber,
        AnswerInput input,
        Caller changedBy,
        string? expectedVersion,
        CancellationToken cancellationToken);
}

/// <summary>The outcome of <see cref="ICheckInStore.SaveAnswerAsync"/>.</summary>
public abstract record SaveAnswerResult(ElementAnswer? Current)
{
    /// <summary>The answer was stored and a history entry written.</summary>
    public sealed record Saved(ElementAnswer Answer) : SaveAnswerResult(Answer);

    /// <summary>The stored answer already had these values; nothing was written.</summary>
    public sealed record Unchanged(ElementAnswer Answer) : SaveAnswerResult(Answer);

    /// <summary>Someone else changed the answer since the writer read it; nothing was written.</summary>
    public sealed record Conflict(ElementAnswer? Latest) : SaveAnswerResult(Latest);
}
