using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Moq;
using Newtonsoft.Json.Linq;
using SopBot.Bot.Hosting;
using SopBot.Bot.Teams;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Tests;

/// <summary>How the bot identifies callers for the Authorizer: tenant, local mode and the Authorization settings.</summary>
public sealed class AuthorizationWiringTests
{
    private const string Tenant = TestPrincipals.Tenant;
    private const string OtherTenant = "11111111-2222-3333-4444-555555555555";

    private readonly Mock<IRosterStore> _roster = new();

    [Fact]
    public void TenantOf_ReadsConversationOrChannelData()
    {
        Assert.Equal(Tenant, TurnIdentity.TenantOf(Activity(conversationTenant: Tenant, channelDataTenant: null)));
        Assert.Equal(Tenant, TurnIdentity.TenantOf(Activity(conversationTenant: null, channelDataTenant: Tenant)));
        Assert.Equal(Tenant, TurnIdentity.TenantOf(Activity(conversationTenant: Tenant, channelDataTenant: Tenant.ToUpperInvariant())));
        Assert.Null(TurnIdentity.TenantOf(Activity(conversationTenant: null, channelDataTenant: null)));
    }

    [Fact]
    public void TenantOf_ContradictingTenants_IsNull()
    {
        Assert.Null(TurnIdentity.TenantOf(Activity(conversationTenant: Tenant, channelDataTenant: OtherTenant)));
    }

    [Fact]
    public void TenantOf_MalformedChannelData_IsIgnored()
    {
        var activity = Activity(conversationTenant: Tenant, channelDataTenant: null);
        activity.ChannelData = JObject.Parse("""{"tenant": "not an object"}""");

        Assert.Equal(Tenant, TurnIdentity.TenantOf(activity));
    }

    [Fact]
    public void ConfiguredTenants_AllowOnlyThose()
    {
        var authorization = Authorization(anonymous: false, tenants: [Tenant]);

        Assert.False(authorization.AllowsAnyTenant);
        Assert.True(authorization.IdentifyWithoutRoster(authorization.CallerOf(Activity(Tenant, null))).IsTenantAllowed);
        Assert.False(authorization.IdentifyWithoutRoster(authorization.CallerOf(Activity(OtherTenant, null))).IsTenantAllowed);
        Assert.False(authorization.IdentifyWithoutRoster(authorization.CallerOf(Activity(null, null))).IsTenantAllowed);
    }

    [Fact]
    public void LocalModeWithoutTenants_AllowsEveryTenant()
    {
        var authorization = Authorization(anonymous: true, tenants: []);

        Assert.True(authorization.AllowsAnyTenant);
        Assert.True(authorization.IdentifyWithoutRoster(authorization.CallerOf(Activity(OtherTenant, null))).IsTenantAllowed);
        Assert.True(authorization.IdentifyWithoutRoster(authorization.CallerOf(Activity(null, null))).IsTenantAllowed);
    }

    [Fact]
    public void LocalModeWithTenants_AllowsOnlyThose()
    {
        var authorization = Authorization(anonymous: true, tenants: [Tenant]);

        Assert.False(authorization.AllowsAnyTenant);
        Assert.False(authorization.IdentifyWithoutRoster(authorization.CallerOf(Activity(OtherTenant, null))).IsTenantAllowed);
    }

    [Fact]
    public async Task Roles_ComeFromTheRosterOnly()
    {
        _roster.Setup(store => store.FindAsync("aad-ana", It.IsAny<CancellationToken>())).ReturnsAsync(new RosterMember("aad-ana", "Ana", "BRA", Role.UnctMember));
        var authorization = Authorization(anonymous: false, tenants: [Tenant]);
        var activity = Activity(Tenant, null);
        activity.Value = JObject.Parse("""{"role": "administrator", "roles": "secretariat"}""");
        activity.From.Properties["roles"] = "administrator";

        var principal = await authorization.IdentifyAsync(authorization.CallerOf(activity), default);

        Assert.Equal(Role.UnctMember, principal.Roles);
        Assert.False(Authorizer.Decide(principal, BotAction.ImportRoster).IsAllowed);
    }

    [Fact]
    public async Task OtherTenant_SkipsRosterLookup()
    {
        var authorization = Authorization(anonymous: false, tenants: [Tenant]);

        var principal = await authorization.IdentifyAsync(authorization.CallerOf(Activity(OtherTenant, null)), default);

        Assert.Equal(Role.None, principal.Roles);
        _roster.Verify(store => store.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public void Validator_Production_RequiresTenants()
    {
        var result = Validate(anonymous: false, new AuthorizationOptions());

        Assert.True(result.Failed);
        Assert.Contains("Authorization:AllowedTenantIds is empty", result.FailureMessage);
    }

    [Fact]
    public void Validator_LocalMode_AllowsNoTenants()
    {
        Assert.True(Validate(anonymous: true, new AuthorizationOptions()).Succeeded);
    }

    [Fact]
    public void Validator_NonGuidIds_Fail()
    {
        var result = Validate(anonymous: false, new AuthorizationOptions
        {
            AllowedTenantIds = [Tenant, "contoso.onmicrosoft.com"],
            BootstrapAdministratorIds = ["admin@contoso.org"],
        });

        Assert.True(result.Failed);
        Assert.Contains("Authorization:AllowedTenantIds:1 is \"contoso.onmicrosoft.com\"", result.FailureMessage);
        Assert.Contains("Authorization:BootstrapAdministratorIds:0 is \"admin@contoso.org\"", result.FailureMessage);
    }

    [Fact]
    public void Validator_Production_WithGuids_Succeeds()
    {
        var options = new AuthorizationOptions { AllowedTenantIds = [Tenant], BootstrapAdministratorIds = [Guid.NewGuid().ToString()] };

        Assert.True(Validate(anonymous: false, options).Succeeded);
    }

    private TeamsAuthorization Authorization(bool anonymous, List<string> tenants) =>
        new(Options.Create(new AuthorizationOptions { AllowedTenantIds = tenants }), Options.Create(BotOptions(anonymous)), _roster.Object);

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(bool anonymous, AuthorizationOptions options) =>
        new AuthorizationOptionsValidator(Options.Create(BotOptions(anonymous))).Validate(null, options);

    private static BotOptions BotOptions(bool anonymous) => anonymous
        ? new BotOptions { AllowInsecureAnonymousLocalMode = true }
        : new BotOptions { MicrosoftAppId = Guid.NewGuid().ToString(), MicrosoftAppPassword = "secret" };

    private static Activity Activity(string? conversationTenant, string? channelDataTenant) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        From = new ChannelAccount("29:ana", "Ana", aadObjectId: "aad-ana"),
        Recipient = new ChannelAccount("28:bot", "SopBot"),
        Conversation = new ConversationAccount(id: "a:conversation", tenantId: conversationTenant),
        ChannelData = channelDataTenant is null ? null : JObject.FromObject(new { tenant = new { id = channelDataTenant } }),
    };
}
