namespace SopBot.Domain.Roster;

/// <summary>Who may use the bot at all, and who is an Administrator without a roster entry. Bound from the "Authorization" section.</summary>
public sealed class AuthorizationOptions
{
    public const string SectionName = "Authorization";

    /// <summary>
    /// Entra tenant ids whose users may use the bot. A caller from any other tenant, or with no
    /// tenant id, may do nothing at all. An empty list allows no tenant.
    /// </summary>
    public List<string> AllowedTenantIds { get; set; } = [];

    /// <summary>
    /// AAD object ids that have the Administrator role regardless of the roster, so that a new
    /// deployment has someone who can grant roles. Their roster roles, if any, are added.
    /// </summary>
    public List<string> BootstrapAdministratorIds { get; set; } = [];
}
