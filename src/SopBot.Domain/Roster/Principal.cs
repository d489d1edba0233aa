namespace SopBot.Domain.Roster;

/// <summary>
/// A caller as <see cref="Authorizer.Identify"/> resolved them: their ids, whether their tenant
/// is allowed, and the roles they hold (roster roles plus Administrator for a bootstrap
/// administrator). Only <see cref="Authorizer"/> creates one, so card data cannot add a role.
/// </summary>
public sealed class Principal
{
    internal Principal(string aadObjectId, string displayName, string? tenantId, bool isTenantAllowed, Role roles, string? countryIso3, bool isBootstrapAdministrator)
    {
        AadObjectId = aadObjectId;
        DisplayName = displayName;
        TenantId = tenantId;
        IsTenantAllowed = isTenantAllowed;
        Roles = roles;
        CountryIso3 = countryIso3;
        IsBootstrapAdministrator = isBootstrapAdministrator;
    }

    public string AadObjectId { get; }

    public string DisplayName { get; }

    public string? TenantId { get; }

    public bool IsTenantAllowed { get; }

    /// <summary>The roles in force: none when the tenant is not allowed.</summary>
    public Role Roles { get; }

    /// <summary>The country on the caller's roster entry (ISO 3166-1 alpha-3), or null.</summary>
    public string? CountryIso3 { get; }

    /// <summary>True when the caller's id is among the configured bootstrap administrators.</summary>
    public bool IsBootstrapAdministrator { get; }

    public bool HasAny(Role roles) => (Roles & roles) != Role.None;
}
