using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace SopBot.IntegrationTests.Support;

/// <summary>
/// The real bot (Program) hosted in process against Azurite, in anonymous local mode, with a
/// roster file of its own. Disposing it and creating another on the same table prefix is a
/// bot restart: nothing but storage carries over.
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    public const string RosterCsv = """
        aadObjectId,displayName,countryIso3,role
        aad-ana,Ana Souza,BRA,unctMember
        aad-luis,Luis Pérez,BRA,unctMember
        aad-carla,Carla Gómez,ARG,unctMember
        aad-secretariat,Regional Secretariat,,secretariat
        aad-director,Regional Director,,regionalDirector
        """;

    private readonly string _connectionString;
    private readonly string _tablePrefix;
    private readonly string _rosterPath;
    private readonly FakeTimeProvider _clock;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _anonymous;

    /// <param name="settings">More configuration, such as "Authorization:AllowedTenantIds:0"; it replaces the defaults above.</param>
    /// <param name="anonymous">False starts the bot without local mode and without credentials, which must fail.</param>
    public BotHost(
        string connectionString, string tablePrefix, FakeTimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null, bool anonymous = true)
    {
        _anonymous = anonymous;
        _connectionString = connectionString;
        _tablePrefix = tablePrefix;
        _clock = clock;
        _settings = settings ?? new Dictionary<string, string?>();
        _rosterPath = Path.Combine(Path.GetTempPath(), $"sopbot-roster-{tablePrefix}.csv");
        File.WriteAllText(_rosterPath, RosterCsv);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Bot:AllowInsecureAnonymousLocalMode", _anonymous ? "true" : "false");
        builder.UseSetting("Storage:ConnectionString", _connectionString);
        builder.UseSetting("Storage:TablePrefix", _tablePrefix);
        builder.UseSetting("Roster:CsvPath", _rosterPath);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(_clock));
    }

    /// <summary>Posts an activity to /api/messages and returns the HTTP response.</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(JsonObject activity)
    {
        using var client = CreateClient();
        return await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
    }

    /// <summary>Sends a message and returns the one card the bot sent back through the connector.</summary>
    public async Task<JsonObject> SendAsync(ConnectorRecorder connector, ActivityBuilder activities, string text)
    {
        var before = connector.SentCards().Count;
        var response = await PostActivityAsync(activities.Message(text));
        response.EnsureSuccessStatusCode();
        var cards = connector.SentCards();
        Assert.Equal(before + 1, cards.Count);
        return cards[^1];
    }

    /// <summary>Sends an Action.Execute invoke and returns the card that replaces the clicked one.</summary>
    public async Task<JsonObject> ExecuteAsync(ActivityBuilder activities, string verb, object? data)
    {
        var response = await PostActivityAsync(activities.Execute(verb, data));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body!["type"]);
        return body["value"]!.AsObject();
    }
}
