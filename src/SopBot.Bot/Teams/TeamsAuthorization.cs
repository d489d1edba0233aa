using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using SopBot.Bot.Hosting;
using SopBot.Domain;
using SopBot.Domain.Roster;

namespace SopBot.Bot.Teams;

/// <summary>
/// Identifies the sender of a Teams activity (AAD object id and tenant id) and resolves their
/// roles through the <see cref="Authorizer"/>, which decides every command and card action.
/// Card data never reaches these decisions.
/// </summary>
public sealed class TeamsAuthorization
{
    /// <summary>
    /// The tenant id every caller is given when no tenant list is configured in insecure
    /// anonymous local mode, where every tenant is allowed. The Authorizer allows only this one.
    /// </summary>
    public const string AnyTenantInLocalMode = "any-tenant-in-local-mode";

    private readonly IRosterStore _roster;
    private readonly IOptions<BotOptions> _botOptions;
    private readonly Lazy<(Authorizer Authorizer, bool AllowsAnyTenant)> _state;

    public TeamsAuthorization(IOptions<AuthorizationOptions> options, IOptions<BotOptions> botOptions, IRosterStore roster)
    {
        _roster = roster;
        _botOptions = botOptions;

        // Read on first use: reading the options validates them, and a failure while the host
        // resolves its hosted services would hide the validation message behind another error.
        _state = new Lazy<(Authorizer, bool)>(() =>
        {
            var configured = options.Value;
            var allowsAnyTenant = botOptions.Value.IsAnonymous && configured.AllowedTenantIds.All(string.IsNullOrWhiteSpace);
            var authorizer = new Authorizer(allowsAnyTenant
                ? new AuthorizationOptions { AllowedTenantIds = [AnyTenantInLocalMode], BootstrapAdministratorIds = configured.BootstrapAdministratorIds }
                : configured);
            return (authorizer, allowsAnyTenant);
        });
    }

    public Authorizer Authorizer => _state.Value.Authorizer;

    /// <summary>True in insecure anonymous local mode without Authorization:AllowedTenantIds: every tenant is allowed.</summary>
    public bool AllowsAnyTenant => _state.Value.AllowsAnyTenant;

    /// <summary>
    /// Returns the sender of the activity. A sender without a usable id gets an empty one, which
    /// the Authorizer denies everything but nothing else; the tenant is replaced by
    /// <see cref="AnyTenantInLocalMode"/> when every tenant is allowed.
    /// </summary>
    public Caller CallerOf(IActivity activity)
    {
        var caller = TurnIdentity.CallerOf(activity, allowChannelUserId: _botOptions.Value.IsAnonymous)
            ?? new Caller(string.Empty, activity.From?.Name ?? string.Empty, TurnIdentity.TenantOf(activity));
        return AllowsAnyTenant ? caller with { TenantId = AnyTenantInLocalMode } : caller;
    }

    /// <summary>Identifies the caller without reading the roster: enough for the tenant check and for actions open to everyone.</summary>
    public Principal IdentifyWithoutRoster(Caller caller) => Authorizer.Identify(caller, null);

    /// <summary>Identifies the caller with their roster roles. The roster is not read for a tenant that is not allowed.</summary>
    public Task<Principal> IdentifyAsync(Caller caller, CancellationToken cancellationToken) =>
        Authorizer.IdentifyAsync(caller, _roster, cancellationToken);
}
