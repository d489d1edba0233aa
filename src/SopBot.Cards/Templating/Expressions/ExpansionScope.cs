using SopBot.Cards.Templating.Runtime;

namespace SopBot.Cards.Templating.Expressions;

/// <summary>State of one Expand call: the options and the template value being expanded, for error messages.</summary>
internal sealed class ExpansionSession(bool strict)
{
    public bool Strict { get; } = strict;

    /// <summary>JSON path of the template value being expanded, such as "$.body[2].text".</summary>
    public string Location { get; set; } = "$";

    /// <summary>Template text of the value being expanded.</summary>
    public string Source { get; set; } = "";
}

/// <summary>
/// The data that expressions see at one point of the template: $root, the current $data and
/// the current $index. Each $data binding creates a child scope, so scopes are never changed.
/// </summary>
internal sealed class ExpansionScope
{
    private readonly object? data;

    public ExpansionScope(ExpansionSession session, object? root)
        : this(session, root, Undefined.Value, Undefined.Value)
    {
    }

    private ExpansionScope(ExpansionSession session, object? root, object? data, object? index)
    {
        Session = session;
        Root = root;
        this.data = data;
        Index = index;
    }

    public ExpansionSession Session { get; }

    public object? Root { get; }

    /// <summary>The value of $data, which is $root until an element binds $data to something else.</summary>
    public object? Data => data is Undefined ? Root : data;

    /// <summary>The value of $index: the item position inside an element repeated over an array, otherwise undefined.</summary>
    public object? Index { get; }

    /// <summary>
    /// Creates the scope of one $data item. An undefined item leaves $data unchanged and a null
    /// index leaves $index unchanged, as in the reference engine.
    /// </summary>
    public ExpansionScope WithItem(object? item, int? index) => new(
        Session,
        Root,
        item is Undefined ? data : item,
        index is { } position ? (double)position : Index);
}
