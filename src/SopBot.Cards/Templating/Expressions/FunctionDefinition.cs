namespace SopBot.Cards.Templating.Expressions;

/// <summary>The error that parsing an expression raises. The template parser adds the location of the expression.</summary>
internal sealed class ExpressionSyntaxException(string message) : Exception(message);

/// <summary>
/// Checks one evaluated argument and returns an error message, or null when it is acceptable.
/// </summary>
internal delegate string? ArgumentCheck(object? value, Expression argument, int position);

/// <summary>A built-in function or operator: its adaptive-expressions type name, static checks and evaluation.</summary>
internal sealed class FunctionDefinition(
    string type,
    ReturnType returnType,
    Action<FunctionCallExpression> validate,
    Func<FunctionCallExpression, ExpansionScope, bool, Evaluation> evaluate)
{
    /// <summary>
    /// The name adaptive-expressions gives the function, which appears when an expression is
    /// written back as text: "+" for both add() and the + operator.
    /// </summary>
    public string Type { get; } = type;

    public ReturnType ReturnType { get; } = returnType;

    /// <summary>Rejects a call with the wrong number of arguments or a constant of the wrong type.</summary>
    public void Validate(FunctionCallExpression call) => validate(call);

    public Evaluation Evaluate(FunctionCallExpression call, ExpansionScope scope, bool substituteUndefined) =>
        evaluate(call, scope, substituteUndefined);

    /// <summary>Checks the argument count and, unless <paramref name="expected"/> includes Object, the static type of each argument.</summary>
    public static void ValidateArity(FunctionCallExpression call, int minimum, int maximum, ReturnType expected = ReturnType.Object)
    {
        CheckCount(call, minimum, maximum);
        if ((expected & ReturnType.Object) != 0)
        {
            return;
        }

        foreach (var argument in call.Arguments)
        {
            CheckType(call, argument, expected);
        }
    }

    /// <summary>Checks the argument count and the static type of each argument by position.</summary>
    public static void ValidateOrder(FunctionCallExpression call, ReturnType[] optional, params ReturnType[] required)
    {
        CheckCount(call, required.Length, required.Length + optional.Length);
        for (var i = 0; i < call.Arguments.Count; i++)
        {
            var expected = i < required.Length ? required[i] : optional[i - required.Length];
            if ((expected & ReturnType.Object) == 0)
            {
                CheckType(call, call.Arguments[i], expected);
            }
        }
    }

    private static void CheckCount(FunctionCallExpression call, int minimum, int maximum)
    {
        var count = call.Arguments.Count;
        if (count >= minimum && count <= maximum)
        {
            return;
        }

        var expected = minimum == maximum
            ? $"exactly {minimum}"
            : count < minimum ? $"at least {minimum}" : $"at most {maximum}";
        throw new ExpressionSyntaxException($"'{call}' has {count} arguments, but it takes {expected}.");
    }

    private static void CheckType(FunctionCallExpression call, Expression argument, ReturnType expected)
    {
        var actual = argument.ReturnType;
        if ((actual & ReturnType.Object) == 0 && (actual & expected) == 0)
        {
            throw new ExpressionSyntaxException(
                $"'{argument}' in '{call}' is a {Describe(actual)}, but the argument must be a {Describe(expected)}.");
        }
    }

    private static string Describe(ReturnType type) => type.ToString().ToLowerInvariant().Replace(", ", " or ", StringComparison.Ordinal);
}
