namespace SopBot.Domain.CheckIns;

/// <summary>
/// Where a member is in their check-in: the element card last shown, or
/// <see cref="SummaryPosition"/> for the summary. Stored so that it survives a restart.
/// </summary>
public sealed record CheckInProgress(string AadObjectId, string CountryIso3, Quarter Quarter, int Position, DateTimeOffset UpdatedAt)
{
    public const int SummaryPosition = 0;
}

public interface ICheckInProgressStore
{
    Task<CheckInProgress?> GetAsync(string aadObjectId, CancellationToken cancellationToken);

    Task SaveAsync(CheckInProgress progress, CancellationToken cancellationToken);
}
