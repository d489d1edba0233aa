namespace SopBot.Domain;

/// <summary>
/// Remembers work that must happen once only, across retries, restarts and several bot
/// instances: the first caller to claim a key gets true, every later one false.
/// </summary>
public interface IIdempotencyStore
{
    Task<bool> TryClaimAsync(string scope, string key, CancellationToken cancellationToken);

    /// <summary>Forgets a claim, so that the work can happen again (for example after the bot is uninstalled).</summary>
    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken);
}
