using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace SopBot.EndToEndTests.Pages;

/// <summary>
/// One bot message holding an Adaptive Card, found by its position among the bot's messages.
/// The position stays valid when the response to an <c>Action.Execute</c> replaces the card in place.
/// Inputs are found by their label (the Adaptive Card <c>label</c>, or the placeholder when
/// there is none): the Playground's renderer gives inputs generated element ids, so the
/// card's input ids are not in the page.
/// </summary>
public sealed class PlaygroundCard
{
    private const string ExecutePath = "/_conversation/v1/invoke";
    private const string SubmitPath = "/_conversation/v1/submit";

    private readonly PlaygroundPage _owner;

    internal PlaygroundCard(PlaygroundPage owner, int index)
    {
        _owner = owner;
        Index = index;
    }

    /// <summary>The position among <see cref="PlaygroundPage.BotMessages"/>, from 0.</summary>
    public int Index { get; }

    /// <summary>The whole bot message: the card, and the bar under it that shows the text response to an action.</summary>
    public ILocator Message => _owner.BotMessages.Nth(Index);

    /// <summary>The rendered Adaptive Card: the outermost one, because an Action.ShowCard renders its card inside.</summary>
    public ILocator Card => Message.Locator(".ac-adaptiveCard").First;

    private IPage Page => _owner.Page;

    private float TimeoutMilliseconds => (float)_owner.Timeout.TotalMilliseconds;

    /// <summary>Returns the card's visible text.</summary>
    public Task<string> TextAsync() => Card.InnerTextAsync();

    /// <summary>Waits until this card, in place, contains <paramref name="text"/>; fails with Playwright's description of the card's text otherwise.</summary>
    public Task WaitForTextAsync(string text) =>
        Assertions.Expect(Card).ToContainTextAsync(text, new() { Timeout = TimeoutMilliseconds });

    /// <summary>Fills an Input.Text, Input.Number, Input.Date or Input.Time found by its label, replacing its value.</summary>
    public async Task FillTextInputAsync(string label, string value)
    {
        var input = await FindInputAsync(label, AriaRole.Textbox, AriaRole.Spinbutton, AriaRole.Combobox);
        await input.FillAsync(value);
    }

    /// <summary>
    /// Picks the choice titled <paramref name="choiceTitle"/> in the Input.ChoiceSet labelled
    /// <paramref name="inputLabel"/>: a radio button (expanded style), a check box (expanded,
    /// multi-select), or an entry of the drop-down (compact style, single or multi-select).
    /// A multi-select choice that is already picked is left picked.
    /// </summary>
    public async Task ChooseAsync(string inputLabel, string choiceTitle)
    {
        var radioGroup = Card.GetByRole(AriaRole.Radiogroup, new() { Name = inputLabel });
        if (await radioGroup.CountAsync() > 0)
        {
            await radioGroup.GetByRole(AriaRole.Radio, new() { Name = choiceTitle, Exact = true }).CheckAsync();
            return;
        }

        // An expanded multi-select: each check box is named "<input label> <choice title>".
        var checkBox = Card.GetByRole(AriaRole.Checkbox, new() { Name = $"{inputLabel} {choiceTitle}", Exact = true });
        if (await checkBox.CountAsync() > 0)
        {
            await checkBox.CheckAsync();
            return;
        }

        var comboBox = await FindInputAsync(inputLabel, AriaRole.Combobox);
        await comboBox.ClickAsync();

        // The drop-down opens outside the card: a listbox of options (single-select) or a menu of check boxes (multi-select).
        var option = Page.GetByRole(AriaRole.Option, new() { Name = choiceTitle, Exact = true });
        var menuItem = Page.GetByRole(AriaRole.Menuitemcheckbox, new() { Name = choiceTitle, Exact = true });
        await option.Or(menuItem).WaitForAsync();
        if (await menuItem.CountAsync() == 0)
        {
            await option.ClickAsync();
            return;
        }

        // Clicking a checked menu item would clear it.
        if (await menuItem.GetAttributeAsync("aria-checked") != "true")
        {
            await menuItem.ClickAsync();
        }

        await Page.Keyboard.PressAsync("Escape");
    }

    /// <summary>Sets an Input.Toggle, found by its label or title, on or off.</summary>
    public async Task SetToggleAsync(string label, bool on)
    {
        var toggle = await FindInputAsync(label, AriaRole.Checkbox);
        await toggle.SetCheckedAsync(on);
    }

    /// <summary>Clicks the action button titled <paramref name="title"/> and returns at once (for Action.ShowCard or Action.OpenUrl).</summary>
    public Task ClickActionAsync(string title) => ActionButton(title).ClickAsync();

    /// <summary>
    /// Clicks an Action.Execute button and waits for the bot's response to the
    /// <c>adaptiveCard/action</c> invoke. The Playground replaces this card in place with a card
    /// response, or shows a text response in a bar under it (<see cref="InvokeMessageAsync"/>).
    /// The page re-renders just after this returns, so follow with <see cref="WaitForTextAsync"/>.
    /// </summary>
    /// <exception cref="TimeoutException">No invoke was sent, for example because a required input is empty.</exception>
    public async Task<InvokeResult> ExecuteActionAsync(string title)
    {
        var response = await ClickAndWaitForPostAsync(title, ExecutePath, "Action.Execute");
        return new InvokeResult(response.Status, await response.TextAsync());
    }

    /// <summary>Clicks an Action.Submit button and waits until the Playground has forwarded the submitted data as a message.</summary>
    public async Task SubmitActionAsync(string title)
    {
        var response = await ClickAndWaitForPostAsync(title, SubmitPath, "Action.Submit");
        if (!response.Ok)
        {
            throw new InvalidOperationException($"The Playground rejected the Action.Submit \"{title}\" with HTTP {response.Status}: {await response.TextAsync()}");
        }
    }

    /// <summary>
    /// Waits for the bar under the card and returns its text: the bot's text response to an
    /// Action.Execute, or "Your response was sent to the app" after a card response.
    /// </summary>
    public async Task<string> InvokeMessageAsync()
    {
        var bar = Message.Locator("[aria-label='Display Invoked Message']");
        await bar.WaitForAsync();
        return await bar.InnerTextAsync();
    }

    /// <summary>Saves a screenshot of this message to artifacts/e2e/<paramref name="name"/>.png and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = PlaygroundPage.ArtifactPath(name);
        await Message.ScreenshotAsync(new() { Path = path });
        return path;
    }

    private ILocator ActionButton(string title) => Card.GetByRole(AriaRole.Button, new() { Name = title, Exact = true });

    private async Task<IResponse> ClickAndWaitForPostAsync(string title, string path, string actionType)
    {
        try
        {
            return await Page.RunAndWaitForResponseAsync(
                () => ActionButton(title).ClickAsync(),
                response => response.Request.Method == "POST" && response.Url.EndsWith(path, StringComparison.Ordinal),
                new() { Timeout = TimeoutMilliseconds });
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException(
                $"Clicking \"{title}\" sent no {actionType} within {_owner.Timeout.TotalSeconds:0} s; a required input may be empty or the button may be of another type. "
                + $"Card:{Environment.NewLine}{await Card.AriaSnapshotAsync()}",
                exception);
        }
    }

    /// <summary>Returns the one input with the label (exact match first, then a substring), trying each role in order.</summary>
    private async Task<ILocator> FindInputAsync(string label, params AriaRole[] roles)
    {
        await Card.WaitForAsync();
        foreach (var exact in new[] { true, false })
        {
            foreach (var role in roles)
            {
                var candidate = Card.GetByRole(role, new() { Name = label, Exact = exact });
                var count = await candidate.CountAsync();
                if (count == 1)
                {
                    return candidate;
                }

                if (count > 1)
                {
                    throw new InvalidOperationException($"{count} inputs of role {role} in the card are labelled \"{label}\"; use a longer label.");
                }
            }
        }

        var byPlaceholder = Card.GetByPlaceholder(label, new() { Exact = true });
        if (await byPlaceholder.CountAsync() == 1)
        {
            return byPlaceholder;
        }

        throw new InvalidOperationException(
            $"No input labelled \"{label}\" in the card. Its inputs and labels:{Environment.NewLine}{await Card.AriaSnapshotAsync()}");
    }
}

/// <summary>The Playground's HTTP response to an Action.Execute, whose body is the bot's invoke response <c>type</c> and <c>value</c> on success.</summary>
public sealed record InvokeResult(int Status, string Body)
{
    /// <summary>The response's <c>type</c>, for example application/vnd.microsoft.card.adaptive, or null when the body has none.</summary>
    public string? Type => Json?["type"]?.GetValue<string>();

    private JsonNode? Json => Body.Length > 0 && Body.TrimStart().StartsWith('{') ? JsonNode.Parse(Body) : null;
}
