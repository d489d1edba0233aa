namespace SopBot.Cards.Templating;

/// <summary>Base class of the errors that parsing or expanding a card template raises.</summary>
public abstract class TemplateException : Exception
{
    protected TemplateException(string message, string location, Exception? innerException = null)
        : base(message, innerException)
    {
        Location = location;
    }

    /// <summary>JSON path of the template value that failed, such as "$.body[2].text".</summary>
    public string Location { get; }
}

/// <summary>The template is not valid JSON, or a ${...} expression in it is invalid or unsupported.</summary>
public sealed class TemplateParseException : TemplateException
{
    public TemplateParseException(string message, string location, Exception? innerException = null)
        : base(message, location, innerException)
    {
    }
}

/// <summary>
/// Expanding the template against the given data failed. The reference engine fails on the same
/// template and data, except for <see cref="UnresolvedBindingException"/>, which only strict
/// expansion raises.
/// </summary>
public class TemplateExpansionException : TemplateException
{
    public TemplateExpansionException(string message, string location)
        : base(message, location)
    {
    }
}

/// <summary>
/// Strict expansion found a binding that the data cannot satisfy. The binding reads a property
/// the data does not have, an index past the end of an array or $index outside a repeated
/// element, or it steps into a null value that the reference engine would print as "${path}".
/// </summary>
public sealed class UnresolvedBindingException : TemplateExpansionException
{
    public UnresolvedBindingException(string message, string location, string path)
        : base(message, location)
    {
        Path = path;
    }

    /// <summary>The data path as written in the template, such as "approver.name".</summary>
    public string Path { get; }
}
