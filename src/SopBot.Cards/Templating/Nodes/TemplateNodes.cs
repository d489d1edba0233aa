using System.Text;
using SopBot.Cards.Templating.Expressions;
using SopBot.Cards.Templating.Runtime;

namespace SopBot.Cards.Templating.Nodes;

/// <summary>
/// A parsed template value. Expanding returns a JavaScript value as the reference engine's
/// internalExpand does: null removes an array item, undefined removes an object property, and
/// an array returned for an array item is spliced into that array.
/// </summary>
internal abstract class TemplateNode(string location)
{
    /// <summary>JSON path of the value in the template, such as "$.body[0].text".</summary>
    public string Location { get; } = location;

    public abstract object? Expand(ExpansionScope scope);
}

/// <summary>A value without expressions, returned as is.</summary>
internal sealed class LiteralNode(object? value, string location) : TemplateNode(location)
{
    public object? Value { get; } = value;

    public override object? Expand(ExpansionScope scope) => Value;
}

/// <summary>A string value that contains "${".</summary>
internal sealed class ExpressionNode(Expression expression, string source, string location) : TemplateNode(location)
{
    public Expression Expression { get; } = expression;

    public string Source { get; } = source;

    /// <summary>
    /// Evaluates the expression with undefined paths substituted. A concat at the top, which is
    /// every string other than a single ${...} and also a single ${concat(...)}, becomes text
    /// part by part, as the reference engine builds interpolated strings.
    /// </summary>
    public override object? Expand(ExpansionScope scope)
    {
        var session = scope.Session;
        session.Location = Location;
        session.Source = Source;

        if (Expression is FunctionCallExpression { IsConcat: true } concat)
        {
            return ExpandText(concat, scope);
        }

        var result = Expression.Evaluate(scope, substituteUndefined: true);
        if (result.Failed)
        {
            throw new TemplateExpansionException(
                $"Expression '${{{Expression}}}' in \"{Source}\" at {Location} failed: {result.Error}",
                Location);
        }

        return result.Value;
    }

    private string ExpandText(FunctionCallExpression concat, ExpansionScope scope)
    {
        var session = scope.Session;
        var text = new StringBuilder();
        foreach (var part in concat.Arguments)
        {
            var result = part.Evaluate(scope, substituteUndefined: true);
            if (result.Failed)
            {
                if (session.Strict)
                {
                    throw new TemplateExpansionException(
                        $"Expression '${{{part}}}' in \"{Source}\" at {Location} failed: {result.Error} "
                        + "Without strict expansion the text would contain the expression itself.",
                        Location);
                }

                // The reference engine writes a failed part as the text of its expression.
                text.Append("${").Append(part).Append('}');
                continue;
            }

            if (JsConversions.IsNullish(result.Value))
            {
                // The reference engine fails here too, on calling toString() of null.
                throw new TemplateExpansionException(
                    $"Expression '${{{part}}}' in \"{Source}\" at {Location} evaluated to {JsConversions.ToJsString(result.Value)}, "
                    + "which cannot be inserted into text. Guard the element with $when, or supply a text with coalesce() or if().",
                    Location);
            }

            text.Append(JsConversions.ToJsString(result.Value));
        }

        return text.ToString();
    }
}

/// <summary>A JSON array. Items that expand to null are removed and items that expand to arrays are spliced in.</summary>
internal sealed class ArrayNode(IReadOnlyList<TemplateNode> items, string location) : TemplateNode(location)
{
    public override object? Expand(ExpansionScope scope)
    {
        var result = new List<object?>(items.Count);
        foreach (var item in items)
        {
            var value = item.Expand(scope);
            switch (value)
            {
                case null:
                    break;
                case JsArray array:
                    result.AddRange(array.Items);
                    break;
                default:
                    result.Add(value);
                    break;
            }
        }

        return new JsArray([.. result]);
    }
}

/// <summary>
/// A JSON object, with its optional $data binding and $when condition. The reserved keys $data,
/// $when, $root, $index, $host and $_acTemplateVersion do not appear in the output.
/// </summary>
internal sealed class ObjectNode(
    IReadOnlyList<KeyValuePair<string, TemplateNode>> properties,
    TemplateNode? dataBinding,
    TemplateNode? whenCondition,
    string location) : TemplateNode(location)
{
    /// <summary>
    /// Expands the object once per data item: once without $data, once for a $data value that
    /// is not an array, and once per item of an array with $index set. Returns null when no copy
    /// is kept, the copy itself when one is kept, and an array of copies otherwise.
    /// </summary>
    public override object? Expand(ExpansionScope scope)
    {
        IReadOnlyList<object?> items = [Undefined.Value];
        var repeat = false;
        if (dataBinding is not null)
        {
            var data = dataBinding.Expand(scope);
            if (data is JsArray array)
            {
                items = array.Items;
                repeat = true;
            }
            else
            {
                items = [data];
            }
        }

        var copies = new List<object?>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var itemScope = repeat || dataBinding is not null ? scope.WithItem(items[i], repeat ? i : null) : scope;
            if (IsKept(itemScope))
            {
                copies.Add(ExpandProperties(itemScope));
            }
        }

        return copies.Count switch
        {
            0 => null,
            1 => copies[0],
            _ => new JsArray([.. copies]),
        };
    }

    /// <summary>
    /// Applies $when as the reference engine does. An expression keeps the object only when it
    /// evaluates to the boolean true, and it is evaluated without substituting undefined paths,
    /// so a failed or undefined condition removes the object. A literal removes the object when it
    /// is truthy and keeps it otherwise, so "$when": true removes it and "$when": false keeps it.
    /// </summary>
    private bool IsKept(ExpansionScope scope)
    {
        switch (whenCondition)
        {
            case null:
                return true;

            case ExpressionNode condition:
                var session = scope.Session;
                session.Location = condition.Location;
                session.Source = condition.Source;
                var result = condition.Expression.Evaluate(scope, substituteUndefined: false);
                return !result.Failed && result.Value is true;

            case LiteralNode literal:
                return !JsConversions.IsTruthy(literal.Value);

            default:
                throw new InvalidOperationException($"Unexpected $when node {whenCondition.GetType().Name}.");
        }
    }

    private JsObject ExpandProperties(ExpansionScope scope)
    {
        var expanded = new List<KeyValuePair<string, object?>>(properties.Count);
        foreach (var (name, node) in properties)
        {
            var value = node.Expand(scope);
            if (value is not Undefined)
            {
                expanded.Add(new(name, value));
            }
        }

        return JsObject.FromProperties(expanded);
    }
}
