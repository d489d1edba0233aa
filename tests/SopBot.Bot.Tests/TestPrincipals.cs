using SopBot.Domain;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Tests;

/// <summary>Callers as the Authorizer identifies them, one per role, all from <see cref="Tenant"/>.</summary>
internal static class TestPrincipals
{
    public const string Tenant = "6b1c4f5e-2f1d-4c39-9d4e-0a1b2c3d4e5f";

    public static readonly Authorizer Authorizer = new(new AuthorizationOptions { AllowedTenantIds = [Tenant] });

    public static Principal NoRole { get; } = Identify("aad-nobody", null);

    public static Principal UnctMemberInBrazil { get; } = Identify("aad-ana", new RosterMember("aad-ana", "Ana", "BRA", Role.UnctMember));

    public static Principal RegionalDirector { get; } = Identify("aad-director", new RosterMember("aad-director", "Director", null, Role.RegionalDirector));

    public static Principal Secretariat { get; } = Identify("aad-secretariat", new RosterMember("aad-secretariat", "Secretariat", null, Role.Secretariat));

    /// <summary>A UNCT member of Brazil who is also on the Secretariat, and so may use every command but the administrator's.</summary>
    public static Principal UnctMemberAndSecretariat { get; } =
        Identify("aad-both", new RosterMember("aad-both", "Both", "BRA", Role.UnctMember | Role.Secretariat));

    public static Principal Administrator { get; } = Identify("aad-admin", new RosterMember("aad-admin", "Admin", null, Role.Administrator));

    public static Principal Identify(string aadObjectId, RosterMember? entry, string tenant = Tenant) =>
        Authorizer.Identify(new Caller(aadObjectId, entry?.DisplayName ?? aadObjectId, tenant), entry);
}
