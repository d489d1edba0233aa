using Microsoft.Playwright;
using SopBot.EndToEndTests.Infrastructure;

namespace SopBot.EndToEndTests.Pages;

/// <summary>
/// The Microsoft 365 Agents Playground 0.2.28 web page, in its own browser context. The
/// selectors rest on the class names of the libraries the page is built with (Fluent UI's
/// <c>fai-OutputCard</c> for bot messages, the Adaptive Cards renderer's <c>ac-*</c>) and on
/// ARIA roles and labels, not on generated class names.
/// </summary>
public sealed class PlaygroundPage : IAsyncDisposable
{
    /// <summary>The bot's name in tools/playground/m365agentsplayground.yml, used to @mention it.</summary>
    public const string BotName = "SopBot";

    private const string BotMessageSelector = ".fai-OutputCard";
    private const string ComposeBoxSelector = "[data-lexical-editor='true'][role='textbox']";

    /// <summary>
    /// A channel page shows the new-post box (with its "Post" button), then the posts newest first,
    /// each a Fluent UI card with the replies under it. The bot's cards there are not in
    /// fai-OutputCard messages, so in a channel each card's preview panel counts as one bot message.
    /// </summary>
    private const string ChannelPostSelector = "div.fui-Card[role='group']";
    private const string PostButtonName = "Post";
    private const string ChannelCardSelector = ".ac-preview-panel";

    private readonly IBrowserContext _context;
    private readonly List<string> _blockedRequests = [];
    private readonly List<string> _consoleErrors = [];
    private int _messagesBeforeLastSend;
    private bool _inChannel;
    private string? _lastPostText;

    private PlaygroundPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>How long each wait lasts before it fails; 30 s by default.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Every message the bot posted in the open conversation, cards and text alike, oldest first.
    /// In a channel: the cards under the post that the last <see cref="SendMessageAsync"/> started.
    /// </summary>
    public ILocator BotMessages => _inChannel ? NewestPost.Locator(ChannelCardSelector) : Page.Locator(BotMessageSelector);

    /// <summary>Requests the page made to other hosts, which were aborted (the Playground loads fonts from res-1.cdn.office.net).</summary>
    public IReadOnlyList<string> BlockedRequests
    {
        get
        {
            lock (_blockedRequests)
            {
                return [.. _blockedRequests];
            }
        }
    }

    /// <summary>Errors the page wrote to the browser console.</summary>
    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_consoleErrors)
            {
                return [.. _consoleErrors];
            }
        }
    }

    /// <summary>
    /// The box to type in: the chat's, or in a channel the new-post box, found by its "Post" button
    /// because its "Start a new post" placeholder goes away once text is typed (each post also has a reply box).
    /// </summary>
    private ILocator ComposeBox => _inChannel
        ? Page.Locator(ChannelPostSelector).Filter(new() { Has = PostButton }).Locator(ComposeBoxSelector)
        : Page.Locator(ComposeBoxSelector);

    private ILocator PostButton => Page.GetByRole(AriaRole.Button, new() { Name = PostButtonName, Exact = true });

    private ILocator ChannelPosts => Page.Locator(ChannelPostSelector).Filter(new() { HasNot = PostButton });

    /// <summary>The newest post with the text of the last one sent; the bot may post its welcome in between.</summary>
    private ILocator NewestPost => _lastPostText is null ? ChannelPosts.First : ChannelPosts.Filter(new() { HasText = _lastPostText }).First;

    /// <summary>
    /// Opens the Playground in a new browser context that may reach loopback addresses only. Waits
    /// until the page has loaded its configuration and has sent the personal chat's
    /// installationUpdate and conversationUpdate to the bot, as it does on every page load.
    /// </summary>
    public static async Task<PlaygroundPage> OpenAsync(IBrowser browser, Uri pageUri, TimeSpan timeout)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 2000 },
            Locale = "en-US",
            TimezoneId = "UTC",
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout((float)timeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        var playground = new PlaygroundPage(context, page) { Timeout = timeout };
        await context.RouteAsync("**/*", playground.AllowLoopbackOnlyAsync);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (playground._consoleErrors)
                {
                    playground._consoleErrors.Add(message.Text);
                }
            }
        };

        var configLoaded = page.WaitForResponseAsync(response => response.Url.EndsWith("/_internal/v1/config", StringComparison.Ordinal));
        var installationSent = page.WaitForResponseAsync(response =>
            response.Url.Contains("/_debug/conversation/", StringComparison.Ordinal) && response.Url.EndsWith("/installation", StringComparison.Ordinal));
        await page.GotoAsync(pageUri.ToString());
        await configLoaded;
        await installationSent;
        await playground.ComposeBox.WaitForAsync();
        return playground;
    }

    /// <summary>
    /// Opens a conversation from the left rail by its accessible name: "Personal Chat", the group
    /// chat's name ("LAC SOP focal points") or "team - channel" ("UNCT Brazil - General").
    /// In group chats and channels the bot only receives messages that @mention it.
    /// </summary>
    public async Task OpenConversationAsync(string name)
    {
        var channel = Page.GetByRole(AriaRole.Tree, new() { Name = "Teams Channel" }).GetByRole(AriaRole.Treeitem, new() { Name = name, Exact = true });
        _inChannel = await channel.CountAsync() > 0;
        _lastPostText = null;
        await Page.GetByRole(AriaRole.Treeitem, new() { Name = name, Exact = true }).ClickAsync();
        _messagesBeforeLastSend = 0;
    }

    /// <summary>
    /// Types a message in the open chat and sends it with Enter, then waits until the Playground
    /// has accepted it. With <paramref name="mentionBot"/>, the message starts with an @mention of
    /// the bot, picked from the mention menu, as group chats require.
    /// </summary>
    /// <remarks>In a channel the message starts a new post, and the bot's replies to it are the ones waited for afterwards.</remarks>
    public async Task SendMessageAsync(string text, bool mentionBot = false)
    {
        // A mention shows as the bot's name in the post, so the post reads "SopBot check in".
        var postText = mentionBot ? $"{BotName} {text}" : text;
        var matchingPosts = ChannelPosts.Filter(new() { HasText = postText });
        var postsBefore = _inChannel ? await matchingPosts.CountAsync() : 0;
        _messagesBeforeLastSend = _inChannel ? 0 : await BotMessages.CountAsync();
        var box = ComposeBox;
        await box.ClickAsync();
        if (mentionBot)
        {
            await Page.Keyboard.TypeAsync("@" + BotName[..3]);
            await Page.Locator("#typeahead-menu").GetByRole(AriaRole.Menuitem, new() { Name = BotName }).ClickAsync();
            await Page.Keyboard.TypeAsync(" " + text);
        }
        else
        {
            await box.FillAsync(text);
        }

        var response = await Page.RunAndWaitForResponseAsync(
            () => box.PressAsync("Enter"),
            candidate => candidate.Request.Method == "POST"
                && candidate.Url.Contains("/_conversation/v1/conversations/", StringComparison.Ordinal)
                && candidate.Url.EndsWith("/messages", StringComparison.Ordinal));
        if (!response.Ok)
        {
            throw new InvalidOperationException($"The Playground rejected the message \"{text}\" with HTTP {response.Status}: {await response.TextAsync()}");
        }

        if (_inChannel)
        {
            await Assertions.Expect(matchingPosts).ToHaveCountAsync(postsBefore + 1, new() { Timeout = (float)Timeout.TotalMilliseconds });
            _lastPostText = postText;
        }
    }

    /// <summary>
    /// Waits for a bot message holding an Adaptive Card whose text contains <paramref name="text"/>
    /// (case-sensitive), and returns the latest such card. Only messages that arrived after the
    /// last <see cref="SendMessageAsync"/> count, or all of them before the first send.
    /// </summary>
    /// <exception cref="TimeoutException">No such card arrived within <see cref="Timeout"/>; the message lists the bot's recent messages.</exception>
    public async Task<PlaygroundCard> WaitForCardContainingAsync(string text) =>
        new(this, await WaitForBotMessageAsync(text, cardsOnly: true, _messagesBeforeLastSend));

    /// <summary>Waits like <see cref="WaitForCardContainingAsync"/>, for any bot message (text or card), and returns it.</summary>
    public async Task<ILocator> WaitForMessageContainingAsync(string text) =>
        BotMessages.Nth(await WaitForBotMessageAsync(text, cardsOnly: false, _messagesBeforeLastSend));

    /// <summary>Waits for the bot's latest message holding an Adaptive Card in the open conversation, whenever it arrived, and returns it.</summary>
    public async Task<PlaygroundCard> LatestCardAsync() =>
        new(this, await WaitForBotMessageAsync(string.Empty, cardsOnly: true, firstIndex: 0));

    /// <summary>Saves a screenshot of the bot's latest card to artifacts/e2e/<paramref name="name"/>.png and returns its path.</summary>
    public async Task<string> ScreenshotLatestCardAsync(string name) => await (await LatestCardAsync()).ScreenshotAsync(name);

    /// <summary>Saves a screenshot of the whole page to artifacts/e2e/<paramref name="name"/>.png and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = ArtifactPath(name);
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    /// <summary>Returns artifacts/e2e/<paramref name="name"/>.png, creating the folder, with characters unsafe in file names replaced.</summary>
    internal static string ArtifactPath(string name)
    {
        Directory.CreateDirectory(RepositoryPaths.Artifacts);
        var safeName = string.Concat(name.Select(character => char.IsLetterOrDigit(character) || character is '-' or '_' or '.' ? character : '_'));
        return Path.Combine(RepositoryPaths.Artifacts, safeName + ".png");
    }

    private async Task AllowLoopbackOnlyAsync(IRoute route)
    {
        if (LoopbackPorts.IsLoopback(route.Request.Url))
        {
            await route.ContinueAsync();
            return;
        }

        lock (_blockedRequests)
        {
            _blockedRequests.Add(route.Request.Url);
        }

        await route.AbortAsync("blockedbyclient");
    }

    /// <summary>
    /// Waits for a bot message at <paramref name="firstIndex"/> or later whose text (or card text,
    /// with <paramref name="cardsOnly"/>) contains <paramref name="text"/>, and returns the index of the latest one.
    /// </summary>
    private async Task<int> WaitForBotMessageAsync(string text, bool cardsOnly, int firstIndex)
    {
        const string script = """
            ({ selector, firstIndex, text, cardsOnly, inChannel, postSelector, postButtonName, postText, channelCardSelector }) => {
              let messages = document.querySelectorAll(selector);
              if (inChannel) {
                const isNewPostBox = post => [...post.querySelectorAll('button')].some(button => button.innerText.trim() === postButtonName);
                const posts = [...document.querySelectorAll(postSelector)]
                  .filter(post => !isNewPostBox(post))
                  .filter(post => postText === null || post.innerText.toLowerCase().includes(postText.toLowerCase()));
                if (posts.length === 0) return 0;
                messages = posts[0].querySelectorAll(channelCardSelector);
              }
              for (let i = messages.length - 1; i >= firstIndex; i--) {
                const target = cardsOnly ? messages[i].querySelector('.ac-adaptiveCard') : messages[i];
                if (target && target.innerText.includes(text)) return i + 1;
              }
              return 0;
            }
            """;
        var argument = new
        {
            selector = BotMessageSelector,
            firstIndex,
            text,
            cardsOnly,
            inChannel = _inChannel,
            postSelector = ChannelPostSelector,
            postButtonName = PostButtonName,
            postText = _lastPostText,
            channelCardSelector = ChannelCardSelector,
        };
        try
        {
            var handle = await Page.WaitForFunctionAsync(script, argument, new() { Timeout = (float)Timeout.TotalMilliseconds });
            return await handle.JsonValueAsync<int>() - 1;
        }
        catch (TimeoutException exception)
        {
            var texts = await BotMessages.AllInnerTextsAsync();
            var recent = texts.Skip(firstIndex).Select((message, offset) => $"  [{firstIndex + offset}] {message.ReplaceLineEndings(" ")}");
            var expected = (cardsOnly ? "card" : "message") + (text.Length == 0 ? string.Empty : $" containing \"{text}\"");
            var scope = firstIndex == 0 ? "Bot messages in this conversation" : "Bot messages since the last send";
            throw new TimeoutException(
                $"No bot {expected} arrived within {Timeout.TotalSeconds:0} s. "
                + $"{scope} ({texts.Count - firstIndex}):{Environment.NewLine}{string.Join(Environment.NewLine, recent)}",
                exception);
        }
    }
}
