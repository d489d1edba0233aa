using SopBot.Domain.Roster;

namespace SopBot.Domain.Tests;

public sealed class RosterImportPlannerTests
{
    private const string Tenant = "tenant-1";

    private static readonly Authorizer Authorizer = new(new AuthorizationOptions { AllowedTenantIds = [Tenant] });

    private static readonly Dictionary<string, RosterMember> Current = new()
    {
        ["id-ana"] = new RosterMember("id-ana", "Ana", "BRA", Role.UnctMember),
        ["id-luis"] = new RosterMember("id-luis", "Luis", "BRA", Role.UnctMember),
        ["id-sec"] = new RosterMember("id-sec", "Sec", null, Role.Secretariat),
    };

    [Fact]
    public void Plan_ClassifiesEveryRowInLineOrder()
    {
        var parsed = RosterCsv.Parse(new StringReader("""
            aadObjectId,displayName,countryIso3,role
            id-ana,Ana,BRA,unctMember
            id-luis,Luis Pérez,BRA,unctMember
            id-new,Carla,ARG,unctMember
            id-bad,Bad,XXX,unctMember
            """));

        var rows = RosterImportPlanner.Plan(Current, parsed, Actor(Role.Secretariat));

        Assert.Equal([2, 3, 4, 5], rows.Select(row => row.Line));
        Assert.Equal(
            [RosterImportRowKind.Unchanged, RosterImportRowKind.Changed, RosterImportRowKind.Added, RosterImportRowKind.Rejected],
            rows.Select(row => row.Kind));
        Assert.Equal("Luis", rows[1].Before?.DisplayName);
        Assert.Equal("Luis Pérez", rows[1].After?.DisplayName);
        Assert.Null(rows[2].Before);
        Assert.Equal(RosterProblem.UnknownCountry, rows[3].Problem);
    }

    [Fact]
    public void Plan_SecretariatGrantingSecretariat_IsRejected()
    {
        var parsed = RosterCsv.Parse(new StringReader("aadObjectId,displayName,countryIso3,role\nid-ana,Ana,BRA,unctMember|secretariat\nid-sec,Sec renamed,,secretariat\n"));

        var rows = RosterImportPlanner.Plan(Current, parsed, Actor(Role.Secretariat));

        Assert.All(rows, row => Assert.Equal(RosterImportRowKind.Rejected, row.Kind));
        Assert.All(rows, row => Assert.Equal(RosterProblem.NotAuthorized, row.Problem));
        Assert.Contains("Only an administrator", rows[0].Reason);
    }

    [Fact]
    public void Plan_AdministratorGrantingSecretariat_IsChanged()
    {
        var parsed = RosterCsv.Parse(new StringReader("aadObjectId,displayName,countryIso3,role\nid-ana,Ana,BRA,unctMember|secretariat\n"));

        var row = Assert.Single(RosterImportPlanner.Plan(Current, parsed, Actor(Role.Administrator)));

        Assert.Equal(RosterImportRowKind.Changed, row.Kind);
    }

    [Fact]
    public void Plan_ReaderActor_RejectsChanges()
    {
        var parsed = RosterCsv.Parse(new StringReader("aadObjectId,displayName,countryIso3,role\nid-ana,Ana,BRA,unctMember\nid-new,New,ARG,unctMember\n"));

        var rows = RosterImportPlanner.Plan(Current, parsed, Actor(Role.RegionalDirector));

        Assert.Equal(RosterImportRowKind.Unchanged, rows[0].Kind);
        Assert.Equal(RosterImportRowKind.Rejected, rows[1].Kind);
        Assert.Equal(RosterProblem.NotAuthorized, rows[1].Problem);
    }

    [Fact]
    public void Plan_FileError_IsOneRejectedRow()
    {
        var parsed = RosterCsv.Parse(new byte[RosterCsv.MaxBytes + 1]);

        var row = Assert.Single(RosterImportPlanner.Plan(Current, parsed, Actor(Role.Administrator)));

        Assert.Equal(0, row.Line);
        Assert.Equal(RosterProblem.FileTooLarge, row.Problem);
    }

    [Fact]
    public void Plan_HandBuiltInvalidMember_IsRejected()
    {
        var parsed = new RosterParseResult([new RosterCsvRow(2, new RosterMember("bad id", "Bad", "BRA", Role.UnctMember))], []);

        var row = Assert.Single(RosterImportPlanner.Plan(Current, parsed, Actor(Role.Administrator)));

        Assert.Equal(RosterImportRowKind.Rejected, row.Kind);
        Assert.Equal(RosterProblem.InvalidId, row.Problem);
        Assert.Equal(2, row.Line);
    }

    private static Principal Actor(Role roles) =>
        Authorizer.Identify(new Caller("id-actor", "Actor", Tenant), new RosterMember("id-actor", "Actor", null, roles));
}
