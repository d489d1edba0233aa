using System.Collections.Frozen;
using SopBot.Cards.Templating;

namespace SopBot.Bot.Cards;

/// <summary>
/// The Adaptive Card templates under cards/, parsed once at start-up, and the binding of
/// typed card data into them. A template that names a value the data lacks fails loudly.
/// </summary>
public sealed class CardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    private static readonly TemplateExpansionOptions Strict = new() { Strict = true };

    private readonly FrozenDictionary<string, CardTemplate> _templates;

    public CardRenderer(string cardsDirectory)
    {
        if (!Directory.Exists(cardsDirectory))
        {
            throw new DirectoryNotFoundException($"The card templates folder {cardsDirectory} does not exist.");
        }

        _templates = Directory.EnumerateFiles(cardsDirectory, "*.json")
            .ToFrozenDictionary(
                path => Path.GetFileNameWithoutExtension(path),
                path => CardTemplate.Parse(File.ReadAllText(path)),
                StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> TemplateNames => _templates.Keys;

    /// <summary>Binds the data into the named template and returns the card as JSON text.</summary>
    public string Render<TData>(string templateName, TData data)
    {
        if (!_templates.TryGetValue(templateName, out var template))
        {
            throw new KeyNotFoundException($"No card template is named {templateName}.");
        }

        return template.ExpandToString(data, Strict);
    }
}
