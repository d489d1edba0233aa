namespace SopBot.Domain;

/// <summary>
/// The person behind an activity, as Teams identifies them. The bot decides what they may do
/// from these ids and the stored roster, never from data a card carries.
/// </summary>
public sealed record Caller(string AadObjectId, string DisplayName, string? TenantId);
