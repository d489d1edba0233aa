using System.Text;
using SopBot.Cards.Templating.Runtime;

namespace SopBot.Cards.Templating.Expressions;

/// <summary>
/// Static result types of adaptive-expressions, checked when a template is parsed: a function
/// rejects a constant argument of the wrong type before any data is bound.
/// </summary>
[Flags]
internal enum ReturnType
{
    Boolean = 1,
    Number = 2,
    Object = 4,
    String = 8,
    Array = 16,
}

/// <summary>
/// The outcome of evaluating an expression. An error carries a value too, because or() returns
/// the value of its last argument even when that argument failed.
/// </summary>
internal readonly record struct Evaluation(object? Value, string? Error)
{
    public bool Failed => Error is not null;

    public static Evaluation Of(object? value) => new(value, null);

    public static Evaluation Fail(string error) => new(Undefined.Value, error);
}

/// <summary>
/// A parsed expression. Trees are immutable after parsing, so one template can be expanded on
/// many threads at once.
/// </summary>
internal abstract class Expression
{
    public abstract ReturnType ReturnType { get; }

    /// <summary>
    /// Evaluates against a scope. With <paramref name="substituteUndefined"/> set, a data path
    /// that resolves to undefined evaluates to its own text "${path}", as in the reference engine
    /// when it expands a value. $when and the operands of comparisons and logic functions are
    /// evaluated without it.
    /// </summary>
    public abstract Evaluation Evaluate(ExpansionScope scope, bool substituteUndefined);

    /// <summary>Writes the expression the way adaptive-expressions' Expression.toString does.</summary>
    public abstract override string ToString();
}

/// <summary>A literal: number, string, true, false, null or undefined.</summary>
internal sealed class ConstantExpression(object? value) : Expression
{
    public object? Value { get; } = value;

    public override ReturnType ReturnType => Value switch
    {
        string => ReturnType.String,
        bool => ReturnType.Boolean,
        double number when !double.IsNaN(number) => ReturnType.Number,
        _ => ReturnType.Object,
    };

    public override Evaluation Evaluate(ExpansionScope scope, bool substituteUndefined) => Evaluation.Of(Value);

    public override string ToString()
    {
        if (Value is not string text)
        {
            return JsConversions.ToJsString(Value);
        }

        // Double every backslash, then escape each quote that does not follow a backslash.
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal);
        var builder = new StringBuilder("'");
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == '\'' && (i == 0 || escaped[i - 1] != '\\'))
            {
                builder.Append('\\');
            }

            builder.Append(escaped[i]);
        }

        return builder.Append('\'').ToString();
    }
}

/// <summary>A call of a built-in function, or an operator, which adaptive-expressions treats as a function.</summary>
internal sealed class FunctionCallExpression : Expression
{
    public FunctionCallExpression(FunctionDefinition function, IReadOnlyList<Expression> arguments)
    {
        Function = function;
        Arguments = arguments;
        function.Validate(this);
    }

    public FunctionDefinition Function { get; }

    public IReadOnlyList<Expression> Arguments { get; }

    public override ReturnType ReturnType => Function.ReturnType;

    public bool IsConcat => ReferenceEquals(Function, BuiltInFunctions.Concat);

    public override Evaluation Evaluate(ExpansionScope scope, bool substituteUndefined) =>
        Function.Evaluate(this, scope, substituteUndefined);

    public override string ToString()
    {
        var type = Function.Type;
        var infix = !char.IsAsciiLetter(type[0]) && Arguments.Count >= 2;
        var builder = new StringBuilder();
        if (!infix)
        {
            builder.Append(type);
        }

        builder.Append('(');
        for (var i = 0; i < Arguments.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(infix ? $" {type} " : ", ");
            }

            builder.Append(Arguments[i]);
        }

        return builder.Append(')').ToString();
    }
}
