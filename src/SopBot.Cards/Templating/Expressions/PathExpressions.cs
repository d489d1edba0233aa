using SopBot.Cards.Templating.Runtime;

namespace SopBot.Cards.Templating.Expressions;

/// <summary>
/// A property read: a bare name such as <c>name</c>, or <c>instance.name</c>. A chain of property
/// reads and indexes, such as <c>items[0].name</c>, is read as one path, like adaptive-expressions'
/// Accessor does.
/// </summary>
internal sealed class AccessorExpression : Expression
{
    // When every index in the chain is a constant, the path is built once here.
    private readonly string? staticPath;
    private readonly string[]? staticParts;
    private readonly Expression? staticBase;

    public AccessorExpression(string property, Expression? instance)
    {
        if (instance is not null && (instance.ReturnType & ReturnType.Object) == 0)
        {
            throw new ExpressionSyntaxException($"'{instance}' is a {instance.ReturnType.ToString().ToLowerInvariant()}, so it has no property '{property}'.");
        }

        Property = property;
        Instance = instance;

        var (path, pathBase, error) = BuildPath(null, substituteUndefined: false);
        if (error is null && path is not null)
        {
            staticPath = path;
            staticBase = pathBase;
            staticParts = pathBase is null ? DataPath.SplitScoped(path) : DataPath.Split(path);
        }
    }

    public string Property { get; }

    public Expression? Instance { get; }

    public override ReturnType ReturnType => ReturnType.Object;

    public override Evaluation Evaluate(ExpansionScope scope, bool substituteUndefined)
    {
        string path;
        string[] parts;
        Expression? pathBase;
        if (staticPath is not null)
        {
            path = staticPath;
            parts = staticParts!;
            pathBase = staticBase;
        }
        else
        {
            var (builtPath, builtBase, error) = BuildPath(scope, substituteUndefined);
            if (error is not null)
            {
                return Evaluation.Fail(error);
            }

            path = builtPath!;
            pathBase = builtBase;
            parts = pathBase is null ? DataPath.SplitScoped(path) : DataPath.Split(path);
        }

        var failure = default(LookupFailure);
        object? value;
        if (pathBase is null)
        {
            value = DataPath.ResolveScoped(scope, parts, ref failure);
        }
        else
        {
            var baseValue = pathBase.Evaluate(scope, substituteUndefined);
            if (baseValue.Failed)
            {
                return baseValue;
            }

            value = DataPath.Resolve(baseValue.Value, parts, scope.Session.Strict, ref failure);
        }

        var session = scope.Session;
        if (session.Strict && failure.Missing is not null)
        {
            throw Unresolved(session, path, failure.Missing);
        }

        if (value is Undefined && substituteUndefined)
        {
            if (session.Strict)
            {
                throw Unresolved(session, path, failure.NullOnPath ?? "the value is undefined");
            }

            // The reference engine writes an undefined path as the text of its own expression.
            return Evaluation.Of("${" + path + "}");
        }

        return Evaluation.Of(value);
    }

    public override string ToString() => Instance is null ? Property : $"{Instance}.{Property}";

    /// <summary>
    /// Builds the path text of the chain that ends here, as FunctionUtils.tryAccumulatePath does,
    /// and returns the expression below the chain, or null when the chain starts at a name.
    /// A null scope evaluates constant indexes only.
    /// </summary>
    private (string? Path, Expression? Base, string? Error) BuildPath(ExpansionScope? scope, bool substituteUndefined)
    {
        var path = "";
        Expression? link = this;
        while (link is not null)
        {
            if (link is AccessorExpression accessor)
            {
                path = accessor.Property + "." + path;
                link = accessor.Instance;
            }
            else if (link is ElementExpression element)
            {
                Evaluation index;
                if (element.Index is ConstantExpression constant)
                {
                    index = Evaluation.Of(constant.Value);
                }
                else if (scope is null)
                {
                    return (null, null, "The index is not a constant.");
                }
                else
                {
                    index = element.Index.Evaluate(scope, substituteUndefined);
                }

                if (index.Failed)
                {
                    return (null, null, index.Error);
                }

                var indexText = JsConversions.ToJsString(index.Value);
                if (!double.IsNaN(JsConversions.ParseInt(indexText)))
                {
                    path = "[" + indexText + "]." + path;
                }
                else if (index.Value is string name)
                {
                    path = "['" + name + "']." + path;
                }
                else
                {
                    return (null, null, $"The index {element.Index} is neither an integer nor a string.");
                }

                link = element.Instance;
            }
            else
            {
                break;
            }
        }

        path = path.TrimEnd('.').Replace(".[", "[", StringComparison.Ordinal);
        return (path, link, null);
    }

    private static UnresolvedBindingException Unresolved(ExpansionSession session, string path, string reason) => new(
        $"Binding '${{{path}}}' in \"{session.Source}\" at {session.Location} did not resolve: {reason}.",
        session.Location,
        path);
}

/// <summary>An index read such as <c>items[0]</c> or <c>item['name']</c> that is not part of a longer property chain.</summary>
internal sealed class ElementExpression(Expression instance, Expression index) : Expression
{
    public Expression Instance { get; } = instance;

    public Expression Index { get; } = index;

    public override ReturnType ReturnType => ReturnType.Object;

    public override Evaluation Evaluate(ExpansionScope scope, bool substituteUndefined)
    {
        var instance = Instance.Evaluate(scope, substituteUndefined);
        if (instance.Failed)
        {
            return instance;
        }

        var index = Index.Evaluate(scope, substituteUndefined: false);
        if (index.Failed)
        {
            return index;
        }

        var session = scope.Session;
        if (JsConversions.IsInteger(index.Value))
        {
            var item = DataPath.ReadIndex(instance.Value, (double)index.Value!);
            if (item.Failed && session.Strict)
            {
                throw Unresolved(session, item.Error!);
            }

            return item;
        }

        if (index.Value is string name)
        {
            var value = DataPath.ReadProperty(instance.Value, name, out var notFound);
            if (notFound && session.Strict)
            {
                throw Unresolved(session, $"{Instance} has no property '{name}'");
            }

            return Evaluation.Of(value);
        }

        return Evaluation.Fail($"The index {Index} evaluated to {JsConversions.ToJsString(index.Value)}, which is neither an integer nor a string.");
    }

    public override string ToString() => $"{Instance}[{Index}]";

    private UnresolvedBindingException Unresolved(ExpansionSession session, string reason) => new(
        $"Binding '${{{this}}}' in \"{session.Source}\" at {session.Location} did not resolve: {reason.TrimEnd('.')}.",
        session.Location,
        ToString());
}
