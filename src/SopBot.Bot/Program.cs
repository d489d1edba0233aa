using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using SopBot.Bot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services
    .AddSopBotOptions(builder.Configuration)
    .AddSopBotStorage()
    .AddSopBotCheckIn()
    .AddSopBotKnowledge()
    .AddSopBotRoster()
    .AddSopBotTeams(builder.Configuration);

var app = builder.Build();
app.MapBotMessages();
app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.Run();

/// <summary>The entry point, public so that integration tests can host the bot in process.</summary>
public partial class Program;
