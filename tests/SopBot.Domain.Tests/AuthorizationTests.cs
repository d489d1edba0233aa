using Moq;
using SopBot.Domain.Countries;
using SopBot.Domain.Roster;

namespace SopBot.Domain.Tests;

public sealed class AuthorizationTests
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string OtherTenant = "11111111-2222-3333-4444-555555555555";
    private const string BootstrapId = "0f0e0d0c-0b0a-0908-0706-050403020100";

    private static readonly Authorizer Authorizer = new(new AuthorizationOptions
    {
        AllowedTenantIds = [Tenant],
        BootstrapAdministratorIds = [BootstrapId.ToUpperInvariant()],
    });

    private static readonly RosterMember UnctInBrazil = new("aad-unct", "Ana", "BRA", Role.UnctMember);
    private static readonly RosterMember NewUnctInArgentina = new("aad-new", "Carla", "ARG", Role.UnctMember);
    private static readonly RosterMember Renamed = UnctInBrazil with { DisplayName = "Ana Souza" };

    /// <summary>The callers of the decision table, in the order of its columns.</summary>
    public enum Persona
    {
        NoRole,
        UnctMember,
        Secretariat,
        RegionalDirector,
        Administrator,
        UnctMemberAndRegionalDirector,
        BootstrapAdministrator,
        AdministratorFromOtherTenant,
    }

    private const AccessReason A = AccessReason.Allowed;
    private const AccessReason NotOnRoster = AccessReason.NotOnRoster;
    private const AccessReason Insufficient = AccessReason.InsufficientRole;
    private const AccessReason NoCountry = AccessReason.NoCountryOnRoster;
    private const AccessReason Other = AccessReason.OtherCountry;
    private const AccessReason AdminOnly = AccessReason.AdministratorRequired;
    private const AccessReason TenantDenied = AccessReason.TenantNotAllowed;

    /// <summary>
    /// Every action with a typical target, and the expected reason for each persona:
    /// no role, UNCT member (Brazil), Secretariat, Regional Director, Administrator,
    /// UNCT member and Regional Director (Brazil), bootstrap administrator without a roster
    /// entry, Administrator calling from another tenant. Country targets are Argentina
    /// (another country) unless the action is a check-in of Brazil.
    /// </summary>
    private static readonly (BotAction Action, AccessTarget Target, AccessReason[] Expected)[] Table =
    [
        (BotAction.CheckIn, AccessTarget.ForCountry("BRA"), [NotOnRoster, A, Insufficient, Insufficient, Insufficient, A, Insufficient, TenantDenied]),
        (BotAction.ViewOwnCountryStatus, AccessTarget.None, [NotOnRoster, A, NoCountry, NoCountry, NoCountry, A, NoCountry, TenantDenied]),
        (BotAction.ViewCountryStatus, AccessTarget.ForCountry("ARG"), [NotOnRoster, Other, A, A, A, A, A, TenantDenied]),
        (BotAction.ViewCountryBrief, AccessTarget.ForCountry("ARG"), [NotOnRoster, Other, A, A, A, A, A, TenantDenied]),
        (BotAction.AskQuestion, AccessTarget.None, [A, A, A, A, A, A, A, TenantDenied]),
        (BotAction.ViewTalkingPoints, AccessTarget.None, [A, A, A, A, A, A, A, TenantDenied]),
        (BotAction.ViewHelp, AccessTarget.None, [A, A, A, A, A, A, A, TenantDenied]),
        (BotAction.ViewRoster, AccessTarget.ForCountry("ARG"), [NotOnRoster, Other, A, A, A, A, A, TenantDenied]),
        (BotAction.ViewRoster, AccessTarget.AllCountries, [NotOnRoster, Other, A, A, A, A, A, TenantDenied]),
        (BotAction.AddMember, AccessTarget.ForMemberChange(null, NewUnctInArgentina), [NotOnRoster, Insufficient, A, Insufficient, A, Insufficient, A, TenantDenied]),
        (BotAction.ChangeMember, AccessTarget.ForMemberChange(UnctInBrazil, Renamed), [NotOnRoster, Insufficient, A, Insufficient, A, Insufficient, A, TenantDenied]),
        (BotAction.RemoveMember, AccessTarget.ForMemberChange(UnctInBrazil, null), [NotOnRoster, Insufficient, A, Insufficient, A, Insufficient, A, TenantDenied]),
        (BotAction.ImportRoster, AccessTarget.None, [NotOnRoster, Insufficient, A, Insufficient, A, Insufficient, A, TenantDenied]),
        (BotAction.ExportRoster, AccessTarget.None, [NotOnRoster, Insufficient, A, Insufficient, A, Insufficient, A, TenantDenied]),
        (BotAction.GrantRole, AccessTarget.ForRole("aad-unct", Role.Secretariat), [NotOnRoster, Insufficient, AdminOnly, Insufficient, A, Insufficient, A, TenantDenied]),
        (BotAction.GrantRole, AccessTarget.ForRole("aad-unct", Role.Administrator), [NotOnRoster, Insufficient, AdminOnly, Insufficient, A, Insufficient, A, TenantDenied]),
        (BotAction.RevokeRole, AccessTarget.ForRole("aad-unct", Role.Secretariat), [NotOnRoster, Insufficient, AdminOnly, Insufficient, A, Insufficient, A, TenantDenied]),
        (BotAction.RevokeRole, AccessTarget.ForRole("aad-unct", Role.Administrator), [NotOnRoster, Insufficient, AdminOnly, Insufficient, A, Insufficient, A, TenantDenied]),
        (BotAction.GrantRole, AccessTarget.ForRole("aad-unct", Role.RegionalDirector), [NotOnRoster, Insufficient, A, Insufficient, A, Insufficient, A, TenantDenied]),
        (BotAction.RevokeRole, AccessTarget.ForRole("aad-unct", Role.UnctMember), [NotOnRoster, Insufficient, A, Insufficient, A, Insufficient, A, TenantDenied]),
        (BotAction.LinkTeam, AccessTarget.ForCountry("ARG"), [NotOnRoster, Insufficient, A, Insufficient, A, Insufficient, A, TenantDenied]),
        (BotAction.UnlinkTeam, AccessTarget.ForCountry("ARG"), [NotOnRoster, Insufficient, A, Insufficient, A, Insufficient, A, TenantDenied]),
        (BotAction.ManageSettings, AccessTarget.None, [NotOnRoster, Insufficient, Insufficient, Insufficient, A, Insufficient, A, TenantDenied]),
    ];

    public static TheoryData<Persona, BotAction, int, AccessReason> Cases()
    {
        var data = new TheoryData<Persona, BotAction, int, AccessReason>();
        for (var row = 0; row < Table.Length; row++)
        {
            foreach (var persona in Enum.GetValues<Persona>())
            {
                data.Add(persona, Table[row].Action, row, Table[row].Expected[(int)persona]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_PersonaAndAction_MatchesTable(Persona persona, BotAction action, int row, AccessReason expected)
    {
        var decision = Decide(persona, action, Table[row].Target);

        Assert.Equal(expected, decision.Reason);
        Assert.Equal(expected == AccessReason.Allowed, decision.IsAllowed);
        Assert.Equal(action, decision.Action);
    }

    [Fact]
    public void Table_CoversEveryAction()
    {
        var covered = Table.Select(entry => entry.Action).ToHashSet();

        Assert.All(Enum.GetValues<BotAction>(), action => Assert.Contains(action, covered));
        Assert.All(Table, entry => Assert.Equal(Enum.GetValues<Persona>().Length, entry.Expected.Length));
    }

    [Theory]
    [InlineData(Persona.UnctMember)]
    [InlineData(Persona.UnctMemberAndRegionalDirector)]
    public void CheckIn_OtherCountry_IsOtherCountry(Persona persona)
    {
        Assert.Equal(AccessReason.OtherCountry, Decide(persona, BotAction.CheckIn, AccessTarget.ForCountry("ARG")).Reason);
    }

    [Fact]
    public void UnctMember_OwnCountry_IsReadable()
    {
        Assert.True(Decide(Persona.UnctMember, BotAction.ViewCountryStatus, AccessTarget.ForCountry("BRA")).IsAllowed);
        Assert.True(Decide(Persona.UnctMember, BotAction.ViewCountryBrief, AccessTarget.ForCountry("BRA")).IsAllowed);
        Assert.True(Decide(Persona.UnctMember, BotAction.ViewRoster, AccessTarget.ForCountry("BRA")).IsAllowed);
    }

    [Fact]
    public void UnctMember_NoCountry_IsDenied()
    {
        var caller = new Caller("aad-x", "X", Tenant);
        var entry = new RosterMember("aad-x", "X", null, Role.UnctMember);

        Assert.Equal(AccessReason.NoCountryOnRoster, Authorizer.Decide(caller, entry, BotAction.CheckIn, AccessTarget.ForCountry("BRA")).Reason);
        Assert.Equal(AccessReason.NoCountryOnRoster, Authorizer.Decide(caller, entry, BotAction.ViewCountryStatus, AccessTarget.ForCountry("BRA")).Reason);
    }

    [Fact]
    public void Secretariat_MemberWithPrivilegedRole_NeedsAdministrator()
    {
        var secretariatMember = new RosterMember("aad-s2", "Sec", null, Role.Secretariat);
        var administrator = new RosterMember("aad-a2", "Admin", null, Role.Administrator);
        var promoted = UnctInBrazil with { Roles = Role.UnctMember | Role.Secretariat };

        Assert.Equal(AccessReason.AdministratorRequired, Decide(Persona.Secretariat, BotAction.AddMember, AccessTarget.ForMemberChange(null, secretariatMember)).Reason);
        Assert.Equal(AccessReason.AdministratorRequired, Decide(Persona.Secretariat, BotAction.ChangeMember, AccessTarget.ForMemberChange(UnctInBrazil, promoted)).Reason);
        Assert.Equal(AccessReason.AdministratorRequired, Decide(Persona.Secretariat, BotAction.ChangeMember, AccessTarget.ForMemberChange(secretariatMember, secretariatMember with { DisplayName = "Renamed" })).Reason);
        Assert.Equal(AccessReason.AdministratorRequired, Decide(Persona.Secretariat, BotAction.RemoveMember, AccessTarget.ForMemberChange(administrator, null)).Reason);
        Assert.True(Decide(Persona.Administrator, BotAction.ChangeMember, AccessTarget.ForMemberChange(UnctInBrazil, promoted)).IsAllowed);
        Assert.True(Decide(Persona.Administrator, BotAction.RemoveMember, AccessTarget.ForMemberChange(administrator, null)).IsAllowed);
    }

    [Fact]
    public void Secretariat_RegionalDirectors_CanBeManaged()
    {
        var director = new RosterMember("aad-rd", "Director", null, Role.RegionalDirector);

        Assert.True(Decide(Persona.Secretariat, BotAction.AddMember, AccessTarget.ForMemberChange(null, director)).IsAllowed);
        Assert.True(Decide(Persona.Secretariat, BotAction.RemoveMember, AccessTarget.ForMemberChange(director, null)).IsAllowed);
    }

    public static TheoryData<BotAction, AccessTarget, AccessReason> InvalidTargets() => new()
    {
        { BotAction.CheckIn, AccessTarget.None, AccessReason.InvalidTarget },
        { BotAction.CheckIn, AccessTarget.ForCountry(null), AccessReason.InvalidTarget },
        { BotAction.CheckIn, AccessTarget.ForCountry("bra"), AccessReason.UnknownCountry },
        { BotAction.ViewCountryStatus, AccessTarget.ForCountry("XXX"), AccessReason.UnknownCountry },
        { BotAction.ViewCountryBrief, AccessTarget.ForCountry("BRA'; DROP"), AccessReason.UnknownCountry },
        { BotAction.ViewCountryStatus, AccessTarget.AllCountries, AccessReason.InvalidTarget },
        { BotAction.LinkTeam, AccessTarget.ForCountry("Atlantis"), AccessReason.UnknownCountry },
        { BotAction.AskQuestion, AccessTarget.ForCountry("BRA"), AccessReason.InvalidTarget },
        { BotAction.ImportRoster, AccessTarget.ForCountry("BRA"), AccessReason.InvalidTarget },
        { BotAction.ManageSettings, AccessTarget.AllCountries, AccessReason.InvalidTarget },
        { BotAction.AddMember, AccessTarget.ForMemberChange(UnctInBrazil, Renamed), AccessReason.InvalidTarget },
        { BotAction.AddMember, AccessTarget.None, AccessReason.InvalidTarget },
        { BotAction.ChangeMember, AccessTarget.ForMemberChange(UnctInBrazil, NewUnctInArgentina), AccessReason.InvalidTarget },
        { BotAction.ChangeMember, AccessTarget.ForMemberChange(null, Renamed), AccessReason.InvalidTarget },
        { BotAction.RemoveMember, AccessTarget.ForMemberChange(null, null), AccessReason.InvalidTarget },
        { BotAction.AddMember, AccessTarget.ForMemberChange(null, new RosterMember("../etc", "x", null, Role.RegionalDirector)), AccessReason.InvalidTarget },
        { BotAction.AddMember, AccessTarget.ForMemberChange(null, new RosterMember("aad-z", "x", "XXX", Role.UnctMember)), AccessReason.UnknownCountry },
        { BotAction.GrantRole, AccessTarget.ForRole("aad-unct", Role.Secretariat | Role.Administrator), AccessReason.InvalidTarget },
        { BotAction.GrantRole, AccessTarget.ForRole("aad-unct", Role.None), AccessReason.InvalidTarget },
        { BotAction.GrantRole, AccessTarget.ForRole("aad-unct", (Role)64), AccessReason.InvalidTarget },
        { BotAction.RevokeRole, AccessTarget.ForRole("", Role.Secretariat), AccessReason.InvalidTarget },
        { BotAction.RevokeRole, AccessTarget.ForMemberChange(UnctInBrazil, null), AccessReason.InvalidTarget },
    };

    [Theory]
    [MemberData(nameof(InvalidTargets))]
    public void Decide_InvalidTarget_IsDeniedForAdministrator(BotAction action, AccessTarget target, AccessReason expected)
    {
        Assert.Equal(expected, Decide(Persona.Administrator, action, target).Reason);
    }

    [Fact]
    public void Decide_UnknownAction_IsDenied()
    {
        Assert.False(Decide(Persona.Administrator, (BotAction)999, AccessTarget.None).IsAllowed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(OtherTenant)]
    public void Tenant_MissingOrOther_AllowsNothing(string? tenantId)
    {
        var caller = new Caller(BootstrapId, "Boot", tenantId);
        var entry = new RosterMember(BootstrapId, "Boot", "BRA", Role.UnctMember | Role.Administrator);

        var principal = Authorizer.Identify(caller, entry);

        Assert.False(principal.IsTenantAllowed);
        Assert.Equal(Role.None, principal.Roles);
        Assert.All(Enum.GetValues<BotAction>(), action =>
            Assert.Equal(AccessReason.TenantNotAllowed, Authorizer.Decide(principal, action, AccessTarget.None).Reason));
    }

    [Fact]
    public void Tenant_IdInOtherCase_IsAllowed()
    {
        var principal = Authorizer.Identify(new Caller("aad-x", "X", Tenant.ToUpperInvariant()), null);

        Assert.True(principal.IsTenantAllowed);
    }

    [Fact]
    public void Tenant_EmptyAllowedList_AllowsNothing()
    {
        var closed = new Authorizer(new AuthorizationOptions { BootstrapAdministratorIds = [BootstrapId] });

        var decision = closed.Decide(new Caller(BootstrapId, "Boot", Tenant), null, BotAction.ViewHelp);

        Assert.Equal(AccessReason.TenantNotAllowed, decision.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("-leading-dash")]
    public void Caller_WithoutValidId_IsMissingIdentity(string id)
    {
        var decision = Authorizer.Decide(new Caller(id, "X", Tenant), null, BotAction.ViewHelp);

        Assert.Equal(AccessReason.MissingIdentity, decision.Reason);
    }

    [Fact]
    public void Identify_EntryOfSomeoneElse_Throws()
    {
        Assert.Throws<ArgumentException>(() => Authorizer.Identify(new Caller("aad-a", "A", Tenant), UnctInBrazil));
    }

    [Fact]
    public void Identify_GuidInOtherCase_MatchesEntry()
    {
        var id = "ABCDEF01-2345-6789-ABCD-EF0123456789";
        var entry = new RosterMember(id.ToLowerInvariant(), "G", "BRA", Role.UnctMember);

        var principal = Authorizer.Identify(new Caller(id, "G", Tenant), entry);

        Assert.Equal(id.ToLowerInvariant(), principal.AadObjectId);
        Assert.Equal(Role.UnctMember, principal.Roles);
    }

    [Fact]
    public void BootstrapAdministrator_WithRosterEntry_HoldsBothRoles()
    {
        var entry = new RosterMember(BootstrapId, "Boot", "BRA", Role.UnctMember);

        var principal = Authorizer.Identify(new Caller(BootstrapId, "Boot", Tenant), entry);

        Assert.True(principal.IsBootstrapAdministrator);
        Assert.Equal(Role.UnctMember | Role.Administrator, principal.Roles);
        Assert.True(Authorizer.Decide(principal, BotAction.CheckIn, AccessTarget.ForCountry("BRA")).IsAllowed);
        Assert.True(Authorizer.Decide(principal, BotAction.ManageSettings).IsAllowed);
    }

    [Fact]
    public void Identify_LongDisplayName_IsTruncated()
    {
        var principal = Authorizer.Identify(new Caller("aad-x", new string('n', 10_000), Tenant), null);

        Assert.Equal(RosterRules.MaxDisplayNameLength, principal.DisplayName.Length);
    }

    [Fact]
    public void RosterEntry_UndefinedRoleBits_AreIgnored()
    {
        var entry = new RosterMember("aad-odd", "Odd", "BRA", (Role)(64 | 1));

        var principal = Authorizer.Identify(new Caller("aad-odd", "Odd", Tenant), entry);

        Assert.Equal(Role.UnctMember, principal.Roles);
    }

    [Fact]
    public async Task IdentifyAsync_OtherTenant_DoesNotReadRoster()
    {
        var roster = new Mock<IRosterStore>(MockBehavior.Strict);

        var principal = await Authorizer.IdentifyAsync(new Caller("aad-unct", "Ana", OtherTenant), roster.Object, default);

        Assert.False(principal.IsTenantAllowed);
        roster.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task IdentifyAsync_AllowedTenant_UsesStoredRoles()
    {
        var roster = new InMemoryRoster(UnctInBrazil);

        var principal = await Authorizer.IdentifyAsync(new Caller("aad-unct", "Ana", Tenant), roster, default);

        Assert.Equal(Role.UnctMember, principal.Roles);
        Assert.Equal("BRA", principal.CountryIso3);
    }

    [Fact]
    public void Access_CanViewCountry_KeepsItsMeaning()
    {
        var brazil = CountryCatalog.FindByIso3("BRA")!;
        var argentina = CountryCatalog.FindByIso3("ARG")!;

        Assert.False(Access.CanViewCountry(null, brazil));
        Assert.True(Access.CanViewCountry(UnctInBrazil, brazil));
        Assert.False(Access.CanViewCountry(UnctInBrazil, argentina));
        Assert.True(Access.CanViewCountry(new RosterMember("d", "D", null, Role.RegionalDirector), argentina));
        Assert.True(Access.CanViewCountry(new RosterMember("s", "S", null, Role.Secretariat), argentina));
        Assert.True(Access.CanViewCountry(new RosterMember("a", "A", null, Role.Administrator), argentina));
        Assert.False(Access.CanViewCountry(new RosterMember("n", "N", "BRA", Role.None), brazil));
    }

    private static AccessDecision Decide(Persona persona, BotAction action, AccessTarget target)
    {
        var (caller, entry) = persona switch
        {
            Persona.NoRole => (new Caller("aad-nobody", "Nobody", Tenant), null),
            Persona.UnctMember => (new Caller("aad-caller", "Caller", Tenant), new RosterMember("aad-caller", "Caller", "BRA", Role.UnctMember)),
            Persona.Secretariat => (new Caller("aad-caller", "Caller", Tenant), new RosterMember("aad-caller", "Caller", null, Role.Secretariat)),
            Persona.RegionalDirector => (new Caller("aad-caller", "Caller", Tenant), new RosterMember("aad-caller", "Caller", null, Role.RegionalDirector)),
            Persona.Administrator => (new Caller("aad-caller", "Caller", Tenant), new RosterMember("aad-caller", "Caller", null, Role.Administrator)),
            Persona.UnctMemberAndRegionalDirector => (new Caller("aad-caller", "Caller", Tenant), new RosterMember("aad-caller", "Caller", "BRA", Role.UnctMember | Role.RegionalDirector)),
            Persona.BootstrapAdministrator => (new Caller(BootstrapId, "Boot", Tenant), (RosterMember?)null),
            Persona.AdministratorFromOtherTenant => (new Caller("aad-caller", "Caller", OtherTenant), new RosterMember("aad-caller", "Caller", null, Role.Administrator)),
            _ => throw new ArgumentOutOfRangeException(nameof(persona)),
        };
        return Authorizer.Decide(caller, entry, action, target);
    }
}
