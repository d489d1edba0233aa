using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
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
try
{
    app.Run();
}
catch (OptionsValidationException exception)
{
    // A configuration mistake gets its fix on one line, not a stack trace.
    Console.Error.WriteLine("SopBot did not start: " + string.Join(" ", exception.Failures));
    return 1;
}
catch (AggregateException exception) when (exception.InnerExceptions.All(inner => inner is OptionsValidationException))
{
    // The host throws this when more than one settings section is invalid.
    var failures = exception.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures);
    Console.Error.WriteLine("SopBot did not start: " + string.Join(" ", failures));
    return 1;
}

return 0;

/// <summary>The entry point, public so that integration tests can host the bot in process.</summary>
public partial class Program;
