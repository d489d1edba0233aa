using System.Text.Json;

namespace SopBot.Cards.Templating;

/// <summary>Options of <see cref="CardTemplate"/>'s Expand methods.</summary>
public sealed record TemplateExpansionOptions
{
    /// <summary>
    /// Serializer options of <c>Expand&lt;T&gt;</c>: System.Text.Json's web defaults, which name
    /// properties in camelCase. Enums are written as numbers unless a converter on the enum type
    /// or property writes them as strings.
    /// </summary>
    public static JsonSerializerOptions DefaultSerializerOptions { get; } = CreateDefaultSerializerOptions();

    /// <summary>
    /// Strict expansion, which raises <see cref="UnresolvedBindingException"/> where the reference
    /// engine would quietly produce something the template author did not intend, most often
    /// because of a misspelt binding. When false, expansion matches the reference engine, which
    /// writes an unresolved path as the literal text "${path}".
    /// </summary>
    /// <remarks>
    /// Strict expansion fails when the template reads a property the data does not have, an
    /// index past the end of an array, or $index outside an element that $data repeats. These
    /// fail anywhere, including in $when, so optional data must be present with a null value.
    /// It also fails where a path steps into null in a value, and where a part of a text fails
    /// to evaluate, both of which the reference engine writes as the expression's own text.
    /// </remarks>
    public bool Strict { get; init; }

    /// <summary>Serializer options of <c>Expand&lt;T&gt;</c>. Null selects <see cref="DefaultSerializerOptions"/>.</summary>
    public JsonSerializerOptions? SerializerOptions { get; init; }

    private static JsonSerializerOptions CreateDefaultSerializerOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
