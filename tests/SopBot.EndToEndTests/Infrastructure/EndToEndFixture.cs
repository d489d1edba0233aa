using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Microsoft.Playwright;
using SopBot.EndToEndTests.Pages;
using Xunit.Abstractions;

namespace SopBot.EndToEndTests.Infrastructure;

/// <summary>
/// Starts, once for the end-to-end collection and each on 127.0.0.1: Azurite, the built bot,
/// a proxy that logs (and can rewrite) the activities the Playground sends to the bot, the
/// Microsoft 365 Agents Playground, and headless Chromium through Playwright. Disposing it
/// stops them all. Tests in the collection run one at a time and share the bot and its tables.
/// </summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(30);

    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("sopbot-e2e-").FullName;
    private AzuriteServer? _azurite;
    private BotServer? _bot;
    private ActivityProxy? _proxy;
    private PlaygroundServer? _playground;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The table prefix the bot uses, unique to this test run.</summary>
    public string TablePrefix { get; } = "e2e" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The Azurite connection string, for checking what the bot stored.</summary>
    public string StorageConnectionString => Started(_azurite).ConnectionString;

    /// <summary>The Playground's web page.</summary>
    public Uri PlaygroundUri => Started(_playground).PageUri;

    /// <summary>
    /// The locale put into every activity sent to the bot (for example "es-ES"), or null for the
    /// Playground's own, which is always en-US. Reset after each <see cref="RunAsync"/>.
    /// </summary>
    public string? Locale
    {
        get => Started(_proxy).Locale;
        set => Started(_proxy).Locale = value;
    }

    /// <summary>
    /// The user put in the activities' <c>from</c> in place of the Playground's current user
    /// (Ana Souza), or null. The page still shows Ana Souza. Reset after each <see cref="RunAsync"/>.
    /// </summary>
    public PlaygroundUser? Sender
    {
        get => Started(_proxy).Sender;
        set => Started(_proxy).Sender = value;
    }

    public async Task InitializeAsync()
    {
        try
        {
            if (!File.Exists(ChromiumPath))
            {
                throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}. Install Debian's package: apt-get install -y chromium");
            }

            _azurite = await AzuriteServer.StartAsync(_workingDirectory, StartTimeout);
            _bot = await BotServer.StartAsync(_azurite.ConnectionString, TablePrefix, RepositoryPaths.RosterSample, StartTimeout);
            _proxy = ActivityProxy.Start(new Uri($"http://127.0.0.1:{_bot.Port}"));
            _playground = await PlaygroundServer.StartAsync(_proxy.MessagesEndpoint, _workingDirectory, StartTimeout);
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args =
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    // With only the flags above, Debian's Chromium still looked up accounts.google.com,
                    // redirector.gvt1.com and update.googleapis.com. This rule makes every other host unresolvable.
                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
                ],
            });
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await DisposeIfStartedAsync(_playground);
        await DisposeIfStartedAsync(_proxy);
        await DisposeIfStartedAsync(_bot);
        await DisposeIfStartedAsync(_azurite);
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still hold a file open; the temporary folder stays behind.
        }
    }

    /// <summary>A client for the Azurite Table service, for checking what the bot stored.</summary>
    public TableServiceClient TableService() => new(StorageConnectionString);

    /// <summary>
    /// Restarts the bot on the same port and storage and waits until it is ready again. By
    /// default it is stopped with SIGTERM; <paramref name="crash"/> kills it at once instead.
    /// </summary>
    public Task RestartBotAsync(bool crash = false) => Started(_bot).RestartAsync(crash, StartTimeout);

    /// <summary>Opens the Playground in a new browser context; dispose the page to close it.</summary>
    public Task<PlaygroundPage> OpenPlaygroundAsync() => PlaygroundPage.OpenAsync(Started(_browser), PlaygroundUri, PageTimeout);

    /// <summary>
    /// Opens the Playground and runs <paramref name="test"/> on it. When the test fails, writes
    /// to <paramref name="output"/> a screenshot path, the activities sent to the bot, and what
    /// the bot, the Playground and the page reported during the test, then fails with the same
    /// exception. Resets <see cref="Locale"/> and <see cref="Sender"/> afterwards.
    /// </summary>
    public async Task RunAsync(ITestOutputHelper output, Func<PlaygroundPage, Task> test, [CallerMemberName] string testName = "")
    {
        var marks = new LogMarks(
            Started(_bot).Log.Mark,
            Started(_proxy).Log.Mark,
            Started(_playground).Log.Mark,
            Started(_playground).LogFileLength,
            Started(_azurite).Log.Mark);
        PlaygroundPage? page = null;
        try
        {
            page = await OpenPlaygroundAsync();
            await test(page);
        }
        catch (Exception)
        {
            await WriteDiagnosticsAsync(output, testName, page, marks);
            throw;
        }
        finally
        {
            Locale = null;
            Sender = null;
            if (page is not null)
            {
                await page.DisposeAsync();
            }
        }
    }

    private async Task WriteDiagnosticsAsync(ITestOutputHelper output, string testName, PlaygroundPage? page, LogMarks marks)
    {
        if (page is not null)
        {
            try
            {
                output.WriteLine($"Screenshot of the page: {await page.ScreenshotAsync($"{testName}-failure")}");
            }
            catch (PlaywrightException exception)
            {
                output.WriteLine($"Could not take a screenshot: {exception.Message}");
            }

            WriteSection(output, "Requests to other hosts that the browser blocked", string.Join(Environment.NewLine, page.BlockedRequests.Distinct()));
            WriteSection(output, "Browser console errors", string.Join(Environment.NewLine, page.ConsoleErrors));
        }

        WriteSection(output, "Activities sent to the bot (through the proxy)", Started(_proxy).Log.Since(marks.Proxy));
        WriteSection(output, "Bot output", Started(_bot).Log.Since(marks.Bot));
        WriteSection(output, "Playground log file", Started(_playground).ReadLogFile(marks.PlaygroundLogFile).Text);
        WriteSection(output, "Playground output", Started(_playground).Log.Since(marks.Playground));
        WriteSection(output, "Azurite output", Started(_azurite).Log.Since(marks.Azurite));
    }

    private static void WriteSection(ITestOutputHelper output, string title, string text)
    {
        output.WriteLine($"===== {title} =====");
        output.WriteLine(string.IsNullOrWhiteSpace(text) ? "(nothing)" : text);
    }

    private static T Started<T>(T? service) where T : class =>
        service ?? throw new InvalidOperationException("The end-to-end services have not started; see the fixture's start error.");

    private static async Task DisposeIfStartedAsync(IAsyncDisposable? service)
    {
        if (service is not null)
        {
            await service.DisposeAsync();
        }
    }

    private sealed record LogMarks(int Bot, int Proxy, int Playground, long PlaygroundLogFile, int Azurite);
}

/// <summary>The end-to-end tests share one <see cref="EndToEndFixture"/> and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "End to end";
}
