using Azure.Data.Tables;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using SopBot.Bot.Briefs;
using SopBot.Bot.Cards;
using SopBot.Bot.CheckIn;
using SopBot.Bot.Knowledge;
using SopBot.Bot.Localization;
using SopBot.Bot.Roster;
using SopBot.Bot.TeamLinks;
using SopBot.Bot.Teams;
using SopBot.Domain;
using SopBot.Domain.Briefs;
using SopBot.Domain.CheckIns;
using SopBot.Domain.Knowledge;
using SopBot.Domain.Roster;
using SopBot.Domain.Teams;
using SopBot.Knowledge;
using SopBot.Storage;

namespace SopBot.Bot.Hosting;

public static class SopBotServiceCollectionExtensions
{
    /// <summary>Registers validated options; a missing or invalid setting stops the start with a message that names it.</summary>
    public static IServiceCollection AddSopBotOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RosterOptions>().Bind(configuration.GetSection(RosterOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuthorizationOptions>().Bind(configuration.GetSection(AuthorizationOptions.SectionName)).ValidateOnStart();
        // The validator reads the Bot section unvalidated, so that a missing App ID is reported once, by BotOptionsValidator.
        services.AddSingleton<IValidateOptions<AuthorizationOptions>>(_ => new AuthorizationOptionsValidator(
            Options.Create(configuration.GetSection(BotOptions.SectionName).Get<BotOptions>() ?? new BotOptions())));
        return services;
    }

    public static IServiceCollection AddSopBotStorage(this IServiceCollection services)
    {
        services.AddSingleton(provider => new TableServiceClient(provider.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.AddSingleton(provider => new SopBotTables(
            provider.GetRequiredService<TableServiceClient>(), provider.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<TableRosterStore>();
        services.AddSingleton<IRosterStore>(provider => provider.GetRequiredService<TableRosterStore>());
        services.AddSingleton<IRosterManagementStore>(provider => provider.GetRequiredService<TableRosterStore>());
        services.AddSingleton<ITeamLinkStore, TableTeamLinkStore>();
        services.AddSingleton<ICheckInStore, TableCheckInStore>();
        services.AddSingleton<ICheckInProgressStore, TableCheckInProgressStore>();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddSingleton<IFeedbackStore, TableFeedbackStore>();
        services.AddHostedService<StartupTasks>();
        services.AddHealthChecks().AddCheck<TableStorageHealthCheck>("storage", tags: ["ready"]);
        return services;
    }

    public static IServiceCollection AddSopBotCheckIn(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TeamsAuthorization>();
        services.AddSingleton(provider => provider.GetRequiredService<TeamsAuthorization>().Authorizer);
        services.AddSingleton<CheckInService>();
        services.AddSingleton<CheckInCards>();
        return services;
    }

    /// <summary>Registers the knowledge base (loaded from content/ beside the bot), the talking points and the country brief.</summary>
    public static IServiceCollection AddSopBotKnowledge(this IServiceCollection services)
    {
        services.AddSingleton(_ => KnowledgeBase.Load(Path.Combine(AppContext.BaseDirectory, "content")));
        services.AddSingleton<KnowledgeCards>();
        services.AddSingleton<KnowledgeResponder>();
        services.AddSingleton<BriefService>();
        services.AddSingleton<BriefCards>();
        services.AddSingleton<BriefResponder>();
        return services;
    }

    /// <summary>Registers roster management, roster import and export, and team links.</summary>
    public static IServiceCollection AddSopBotRoster(this IServiceCollection services)
    {
        services.AddSingleton<RosterCards>();
        services.AddSingleton<RosterImportCards>();
        services.AddSingleton<RosterResponder>();
        services.AddSingleton<RosterImportResponder>();
        services.AddSingleton<RosterExportResponder>();
        services.AddSingleton<RosterFileDownloader>();
        services.AddSingleton<TeamMemberDirectory>();
        services.AddSingleton<TeamLinkResponder>();

        // NOTE: redirects are not followed, so a download URL that redirects fails with its 3xx
        // status. The downloadUrl of a Teams file attachment is expected to serve the file itself.
        services.AddHttpClient(RosterFileDownloader.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }

    /// <summary>Registers the Bot Framework adapter, the activity handler and the cards they send.</summary>
    public static IServiceCollection AddSopBotTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Localizer>();
        services.AddSingleton(_ => new CardRenderer(Path.Combine(AppContext.BaseDirectory, "cards")));
        services.AddSingleton<CommonCards>();
        services.AddSingleton<AccessMessages>();
        services.AddSingleton<SopBotResponders>();
        services.AddSingleton<BotFrameworkAuthentication>(provider => new ConfigurationBotFrameworkAuthentication(
            configuration.GetSection(BotOptions.SectionName),
            logger: provider.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()));

        // CloudAdapter has two constructors the container cannot choose between, hence the factory.
        services.AddSingleton(provider => new SopBotAdapter(
            provider.GetRequiredService<BotFrameworkAuthentication>(),
            provider.GetRequiredService<CommonCards>(),
            provider.GetRequiredService<Localizer>(),
            provider.GetRequiredService<ILogger<SopBotAdapter>>()));
        services.AddSingleton<IBotFrameworkHttpAdapter>(provider => provider.GetRequiredService<SopBotAdapter>());
        services.AddTransient<IBot, SopBotActivityHandler>();
        return services;
    }
}
