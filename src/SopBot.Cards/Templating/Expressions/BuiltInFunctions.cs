using System.Collections.Frozen;
using SopBot.Cards.Templating.Runtime;

namespace SopBot.Cards.Templating.Expressions;

/// <summary>
/// The functions and operators that templates may use, with the semantics of adaptive-expressions
/// 4.23 as the reference templating engine runs them. Functions of adaptive-expressions that are
/// not listed here are rejected when a template is parsed.
/// </summary>
internal static class BuiltInFunctions
{
    private const int Unlimited = int.MaxValue;

    public static readonly FunctionDefinition Add = new(
        "+",
        ReturnType.String | ReturnType.Number,
        call => FunctionDefinition.ValidateArity(call, 2, Unlimited, ReturnType.String | ReturnType.Number),
        EvaluateAdd);

    public static readonly FunctionDefinition Subtract = Arithmetic("-", (left, right) => left - right);

    public static readonly FunctionDefinition Multiply = Arithmetic("*", (left, right) => left * right);

    public static readonly FunctionDefinition Divide = new(
        "/",
        ReturnType.Number,
        call => FunctionDefinition.ValidateArity(call, 2, Unlimited, ReturnType.Number),
        EvaluateDivide);

    public static readonly FunctionDefinition Mod = new(
        "%",
        ReturnType.Number,
        call => FunctionDefinition.ValidateArity(call, 2, 2, ReturnType.Number),
        EvaluateMod);

    public static readonly FunctionDefinition Equal = Comparison("==", null, arguments =>
        Evaluation.Of(JsEquality.CommonEquals(arguments[0], arguments[1])));

    public static readonly FunctionDefinition NotEqual = Comparison("!=", null, arguments =>
        Evaluation.Of(!JsEquality.CommonEquals(arguments[0], arguments[1])));

    public static readonly FunctionDefinition LessThan = Ordering("<", order => order < 0);

    public static readonly FunctionDefinition LessThanOrEqual = Ordering("<=", order => order <= 0);

    public static readonly FunctionDefinition GreaterThan = Ordering(">", order => order > 0);

    public static readonly FunctionDefinition GreaterThanOrEqual = Ordering(">=", order => order >= 0);

    public static readonly FunctionDefinition Not = new(
        "!",
        ReturnType.Boolean,
        call => FunctionDefinition.ValidateArity(call, 1, 1),
        EvaluateNot);

    public static readonly FunctionDefinition And = new(
        "&&",
        ReturnType.Boolean,
        call => FunctionDefinition.ValidateArity(call, 1, Unlimited),
        EvaluateAnd);

    public static readonly FunctionDefinition Or = new(
        "||",
        ReturnType.Boolean,
        call => FunctionDefinition.ValidateArity(call, 1, Unlimited),
        EvaluateOr);

    public static readonly FunctionDefinition If = new(
        "if",
        ReturnType.Object,
        call => FunctionDefinition.ValidateArity(call, 3, 3),
        EvaluateIf);

    public static readonly FunctionDefinition Count = new(
        "count",
        ReturnType.Number,
        call => FunctionDefinition.ValidateOrder(call, [], ReturnType.String | ReturnType.Array),
        (call, scope, substitute) => Apply(call, scope, substitute, CheckContainer, CountItems));

    // empty() and exists() report false instead of failing, like the comparison operators.
    public static readonly FunctionDefinition Empty = Comparison("empty", CheckContainerOrNull, arguments =>
        Evaluation.Of(IsEmpty(arguments[0])), arity: 1);

    public static readonly FunctionDefinition Exists = Comparison("exists", CheckNotNull, _ =>
        Evaluation.Of(true), arity: 1);

    public static readonly FunctionDefinition Concat = new(
        "concat",
        ReturnType.String | ReturnType.Array,
        call => FunctionDefinition.ValidateArity(call, 1, Unlimited),
        (call, scope, substitute) => Apply(call, scope, substitute, null, ConcatValues));

    public static readonly FunctionDefinition String = new(
        "string",
        ReturnType.String,
        ValidateString,
        (call, scope, substitute) => Apply(call, scope, substitute, null, arguments => Evaluation.Of(ConvertToString(arguments[0]))));

    public static readonly FunctionDefinition Length = new(
        "length",
        ReturnType.Number,
        call => FunctionDefinition.ValidateArity(call, 1, 1, ReturnType.String),
        (call, scope, substitute) => Apply(call, scope, substitute, CheckStringOrUndefined, arguments =>
            Evaluation.Of((double)(arguments[0] as string ?? "").Length)));

    public static readonly FunctionDefinition Coalesce = new(
        "coalesce",
        ReturnType.Object,
        call => FunctionDefinition.ValidateArity(call, 1, Unlimited),
        (call, scope, substitute) => Apply(call, scope, substitute, null, arguments =>
            Evaluation.Of(arguments.FirstOrDefault(argument => !JsConversions.IsNullish(argument), Undefined.Value))));

    public static readonly FunctionDefinition Join = new(
        "join",
        ReturnType.String,
        call => FunctionDefinition.ValidateOrder(call, [ReturnType.String], ReturnType.Array, ReturnType.String),
        EvaluateJoin);

    public static readonly FunctionDefinition Trim = new(
        "trim",
        ReturnType.String,
        call => FunctionDefinition.ValidateArity(call, 1, 1, ReturnType.String),
        (call, scope, substitute) => Apply(call, scope, substitute, CheckStringOrUndefined, arguments =>
            Evaluation.Of(JsConversions.Trim(arguments[0] as string ?? ""))));

    public static readonly FunctionDefinition First = new(
        "first",
        ReturnType.Object,
        call => FunctionDefinition.ValidateArity(call, 1, 1),
        (call, scope, substitute) => Apply(call, scope, substitute, null, arguments => Evaluation.Of(arguments[0] switch
        {
            string { Length: > 0 } text => text[0].ToString(),
            JsArray { Count: > 0 } array => array[0],
            _ => Undefined.Value,
        })));

    public static readonly FunctionDefinition Last = new(
        "last",
        ReturnType.Object,
        call => FunctionDefinition.ValidateArity(call, 1, 1),
        (call, scope, substitute) => Apply(call, scope, substitute, null, arguments => Evaluation.Of(arguments[0] switch
        {
            string { Length: > 0 } text => text[^1].ToString(),
            JsArray { Count: > 0 } array => array[array.Count - 1],
            _ => Undefined.Value,
        })));

    public static readonly FunctionDefinition Contains = new(
        "contains",
        ReturnType.Boolean,
        call => FunctionDefinition.ValidateArity(call, 2, 2),
        EvaluateContains);

    /// <summary>Functions by the name a template calls them with.</summary>
    public static readonly FrozenDictionary<string, FunctionDefinition> ByName = new Dictionary<string, FunctionDefinition>
    {
        ["add"] = Add,
        ["sub"] = Subtract,
        ["mul"] = Multiply,
        ["div"] = Divide,
        ["mod"] = Mod,
        ["equals"] = Equal,
        ["less"] = LessThan,
        ["lessOrEquals"] = LessThanOrEqual,
        ["greater"] = GreaterThan,
        ["greaterOrEquals"] = GreaterThanOrEqual,
        ["not"] = Not,
        ["and"] = And,
        ["or"] = Or,
        ["if"] = If,
        ["count"] = Count,
        ["empty"] = Empty,
        ["exists"] = Exists,
        ["concat"] = Concat,
        ["string"] = String,
        ["length"] = Length,
        ["coalesce"] = Coalesce,
        ["join"] = Join,
        ["trim"] = Trim,
        ["first"] = First,
        ["last"] = Last,
        ["contains"] = Contains,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Binary operators by their token.</summary>
    public static readonly FrozenDictionary<string, FunctionDefinition> BinaryOperators = new Dictionary<string, FunctionDefinition>
    {
        ["+"] = Add,
        ["-"] = Subtract,
        ["*"] = Multiply,
        ["/"] = Divide,
        ["%"] = Mod,
        ["=="] = Equal,
        ["!="] = NotEqual,
        ["<"] = LessThan,
        ["<="] = LessThanOrEqual,
        [">"] = GreaterThan,
        [">="] = GreaterThanOrEqual,
        ["&&"] = And,
        ["||"] = Or,
        ["??"] = Coalesce,
        ["&"] = Concat,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static FunctionDefinition Arithmetic(string type, Func<double, double, double> operation) => new(
        type,
        ReturnType.Number,
        call => FunctionDefinition.ValidateArity(call, 2, Unlimited, ReturnType.Number),
        (call, scope, substitute) => Apply(call, scope, substitute, CheckNumber, arguments =>
        {
            var result = (double)arguments[0]!;
            for (var i = 1; i < arguments.Length; i++)
            {
                result = operation(result, (double)arguments[i]!);
            }

            return Evaluation.Of(result);
        }));

    /// <summary>
    /// A function that evaluates its arguments without substituting undefined paths and that
    /// returns false, not an error, when an argument fails to evaluate or to pass its check.
    /// </summary>
    private static FunctionDefinition Comparison(string type, ArgumentCheck? check, Func<object?[], Evaluation> compare, int arity = 2) => new(
        type,
        ReturnType.Boolean,
        call => FunctionDefinition.ValidateArity(call, arity, arity),
        (call, scope, _) =>
        {
            var (arguments, error) = EvaluateArguments(call, scope, substituteUndefined: false, check);
            return error is null ? compare(arguments) : Evaluation.Of(false);
        });

    private static FunctionDefinition Ordering(string type, Func<int, bool> accept) => Comparison(type, CheckNotNull, arguments =>
        JsEquality.Compare(arguments[0], arguments[1]) is { } order
            ? Evaluation.Of(accept(order))
            : new Evaluation(false, $"{Describe(arguments[0])} and {Describe(arguments[1])} cannot be compared; both must be numbers or both strings."));

    private static (object?[] Arguments, string? Error) EvaluateArguments(
        FunctionCallExpression call,
        ExpansionScope scope,
        bool substituteUndefined,
        ArgumentCheck? check)
    {
        var arguments = new object?[call.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = call.Arguments[i];
            var result = argument.Evaluate(scope, substituteUndefined);
            if (result.Failed)
            {
                return (arguments, result.Error);
            }

            var error = check?.Invoke(result.Value, argument, i);
            if (error is not null)
            {
                return (arguments, error);
            }

            arguments[i] = result.Value;
        }

        return (arguments, null);
    }

    private static Evaluation Apply(
        FunctionCallExpression call,
        ExpansionScope scope,
        bool substituteUndefined,
        ArgumentCheck? check,
        Func<object?[], Evaluation> function)
    {
        var (arguments, error) = EvaluateArguments(call, scope, substituteUndefined, check);
        return error is null ? function(arguments) : Evaluation.Fail(error);
    }

    private static Evaluation EvaluateAdd(FunctionCallExpression call, ExpansionScope scope, bool substituteUndefined) =>
        Apply(call, scope, substituteUndefined, CheckNumberStringOrUndefined, arguments =>
        {
            var sum = arguments[0];
            for (var i = 1; i < arguments.Length; i++)
            {
                var left = sum;
                var right = arguments[i];
                if ((JsConversions.IsNullish(left) && JsConversions.IsNumber(right))
                    || (JsConversions.IsNullish(right) && JsConversions.IsNumber(left)))
                {
                    return Evaluation.Fail($"'{call}' adds a number to undefined.");
                }

                if (left is double leftNumber && right is double rightNumber
                    && JsConversions.IsNumber(left) && JsConversions.IsNumber(right))
                {
                    sum = leftNumber + rightNumber;
                }
                else
                {
                    // Anything but two numbers concatenates as text, and undefined adds nothing.
                    sum = TextOrEmpty(left) + TextOrEmpty(right);
                }
            }

            return Evaluation.Of(sum);
        });

    private static Evaluation EvaluateDivide(FunctionCallExpression call, ExpansionScope scope, bool substituteUndefined) =>
        Apply(call, scope, substituteUndefined, CheckDivisor, arguments =>
        {
            var quotient = (double)arguments[0]!;
            for (var i = 1; i < arguments.Length; i++)
            {
                var divisor = (double)arguments[i]!;
                var dividend = quotient;
                quotient = dividend / divisor;

                // Dividing two integers rounds down, as in adaptive-expressions: 7 / 2 is 3.
                if (JsConversions.IsInteger(dividend) && JsConversions.IsInteger(divisor))
                {
                    quotient = Math.Floor(quotient);
                }
            }

            return Evaluation.Of(quotient);
        });

    private static Evaluation EvaluateMod(FunctionCallExpression call, ExpansionScope scope, bool substituteUndefined) =>
        Apply(call, scope, substituteUndefined, CheckInteger, arguments =>
        {
            var divisor = (double)arguments[1]!;
            return divisor == 0
                ? Evaluation.Fail($"'{call}' takes the remainder of a division by 0.")
                : Evaluation.Of((double)arguments[0]! % divisor);
        });

    private static Evaluation EvaluateNot(FunctionCallExpression call, ExpansionScope scope, bool substituteUndefined)
    {
        var operand = call.Arguments[0].Evaluate(scope, substituteUndefined: false);
        return Evaluation.Of(operand.Failed || !JsConversions.IsLogicTrue(operand.Value));
    }

    private static Evaluation EvaluateAnd(FunctionCallExpression call, ExpansionScope scope, bool substituteUndefined)
    {
        foreach (var argument in call.Arguments)
        {
            var operand = argument.Evaluate(scope, substituteUndefined: false);
            if (operand.Failed || !JsConversions.IsLogicTrue(operand.Value))
            {
                return Evaluation.Of(false);
            }
        }

        return Evaluation.Of(true);
    }

    /// <summary>
    /// Returns true at the first true operand. Otherwise it returns the value of the last operand
    /// as is, so or(false, null) is null and an undefined last operand makes the result undefined.
    /// </summary>
    private static Evaluation EvaluateOr(FunctionCallExpression call, ExpansionScope scope, bool substituteUndefined)
    {
        object? result = false;
        foreach (var argument in call.Arguments)
        {
            var operand = argument.Evaluate(scope, substituteUndefined: false);
            if (!operand.Failed && JsConversions.IsLogicTrue(operand.Value))
            {
                return Evaluation.Of(true);
            }

            result = operand.Value;
        }

        return Evaluation.Of(result);
    }

    private static Evaluation EvaluateIf(FunctionCallExpression call, ExpansionScope scope, bool substituteUndefined)
    {
        var condition = call.Arguments[0].Evaluate(scope, substituteUndefined: false);
        var branch = !condition.Failed && JsConversions.IsLogicTrue(condition.Value) ? call.Arguments[1] : call.Arguments[2];
        return branch.Evaluate(scope, substituteUndefined);
    }

    private static Evaluation CountItems(object?[] arguments) => arguments[0] switch
    {
        string text => Evaluation.Of((double)text.Length),
        JsArray array => Evaluation.Of((double)array.Count),
        JsObject jsObject => Evaluation.Of((double)jsObject.Count),
        _ => Evaluation.Fail("count() cannot count null."),
    };

    private static bool IsEmpty(object? value) => value switch
    {
        null or Undefined => true,
        string text => text.Length == 0,
        JsArray array => array.Count == 0,
        JsObject jsObject => jsObject.Count == 0,
        _ => false,
    };

    /// <summary>
    /// concat() applied pairwise from the left: two arrays join into one array, an array next to
    /// null or undefined stays an array, and anything else concatenates as text, where null and
    /// undefined are empty and objects and arrays are JSON.
    /// </summary>
    private static Evaluation ConcatValues(object?[] arguments)
    {
        var result = arguments[0];
        for (var i = 1; i < arguments.Length; i++)
        {
            var left = result;
            var right = arguments[i];
            result = (left, right) switch
            {
                _ when JsConversions.IsNullish(left) && JsConversions.IsNullish(right) => Undefined.Value,
                (_, JsArray) when JsConversions.IsNullish(left) => right,
                (JsArray, _) when JsConversions.IsNullish(right) => left,
                (JsArray leftArray, JsArray rightArray) => new JsArray([.. leftArray.Items, .. rightArray.Items]),
                _ => JsConversions.CommonStringify(left) + JsConversions.CommonStringify(right),
            };
        }

        return Evaluation.Of(result);
    }

    private static void ValidateString(FunctionCallExpression call)
    {
        FunctionDefinition.ValidateOrder(call, [ReturnType.String], ReturnType.Object);
        if (call.Arguments.Count > 1)
        {
            throw new ExpressionSyntaxException(
                $"'{call}' passes a locale, which is not supported; string() formats numbers as en-US.");
        }
    }

    private static string ConvertToString(object? value) => value switch
    {
        string text => text,
        double number when !double.IsNaN(number) => JsConversions.FormatGroupedNumber(number),
        _ => JsConversions.CommonStringify(value),
    };

    private static Evaluation EvaluateJoin(FunctionCallExpression call, ExpansionScope scope, bool substituteUndefined) =>
        Apply(call, scope, substituteUndefined, null, arguments =>
        {
            if (arguments[0] is not JsArray list)
            {
                return Evaluation.Fail($"'{call.Arguments[0]}' evaluated to {Describe(arguments[0])}, which is not an array.");
            }

            if (arguments.Length == 2)
            {
                return Evaluation.Of(JsConversions.JoinArray(list, SeparatorText(arguments[1])));
            }

            // join(list, separator, lastSeparator) puts lastSeparator before the last item.
            if (list.Count < 3)
            {
                return Evaluation.Of(JsConversions.JoinArray(list, SeparatorText(arguments[2])));
            }

            var allButLast = new JsArray(list.Items.Take(list.Count - 1).ToArray());
            return Evaluation.Of(
                JsConversions.JoinArray(allButLast, SeparatorText(arguments[1]))
                + JsConversions.ToJsString(arguments[2])
                + JsConversions.ToJsString(list[list.Count - 1]));
        });

    // Array.prototype.join uses "," when the separator is undefined.
    private static string SeparatorText(object? separator) =>
        separator is Undefined ? "," : JsConversions.ToJsString(separator);

    private static Evaluation EvaluateContains(FunctionCallExpression call, ExpansionScope scope, bool substituteUndefined)
    {
        var (arguments, error) = EvaluateArguments(call, scope, substituteUndefined, null);
        if (error is not null)
        {
            return Evaluation.Of(false);
        }

        var found = (arguments[0], arguments[1]) switch
        {
            (string text, string part) => text.Contains(part, StringComparison.Ordinal),
            (JsArray list, var item) => list.Items.Any(candidate => JsEquality.CommonEquals(candidate, item)),
            (var instance, string key) => DataPath.ReadProperty(instance, key, out _) is not Undefined,
            _ => false,
        };
        return Evaluation.Of(found);
    }

    private static string TextOrEmpty(object? value) => JsConversions.IsNullish(value) ? "" : JsConversions.ToJsString(value);

    private static string Describe(object? value) => value switch
    {
        string text => $"'{text}'",
        JsObject or JsArray => JsJson.Stringify(value),
        _ => JsConversions.ToJsString(value),
    };

    private static string? CheckNumber(object? value, Expression argument, int position) =>
        JsConversions.IsNumber(value) ? null : $"'{argument}' evaluated to {Describe(value)}, which is not a number.";

    private static string? CheckInteger(object? value, Expression argument, int position) =>
        JsConversions.IsInteger(value) ? null : $"'{argument}' evaluated to {Describe(value)}, which is not an integer.";

    private static string? CheckDivisor(object? value, Expression argument, int position) =>
        CheckNumber(value, argument, position)
        ?? (position > 0 && (double)value! == 0 ? $"'{argument}' evaluated to 0, and division by 0 is undefined." : null);

    private static string? CheckNotNull(object? value, Expression argument, int position) =>
        JsConversions.IsNullish(value) ? $"'{argument}' evaluated to {Describe(value)}." : null;

    private static string? CheckNumberStringOrUndefined(object? value, Expression argument, int position) =>
        value is string or Undefined || JsConversions.IsNumber(value)
            ? null
            : $"'{argument}' evaluated to {Describe(value)}, which is neither a number nor a string.";

    private static string? CheckStringOrUndefined(object? value, Expression argument, int position) =>
        value is string or Undefined ? null : $"'{argument}' evaluated to {Describe(value)}, which is not a string.";

    // typeof null is "object" in JavaScript, so null passes as a container here.
    private static string? CheckContainer(object? value, Expression argument, int position) =>
        value is null or string or JsArray or JsObject
            ? null
            : $"'{argument}' evaluated to {Describe(value)}, which is not a string, array or object.";

    private static string? CheckContainerOrNull(object? value, Expression argument, int position) =>
        value is Undefined ? null : CheckContainer(value, argument, position);
}
