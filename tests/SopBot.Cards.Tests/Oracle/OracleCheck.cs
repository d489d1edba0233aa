using System.Text.Json.Nodes;
using SopBot.Cards.Templating;

namespace SopBot.Cards.Tests.Oracle;

/// <summary>Compares SopBot.Cards with the reference engine on one template and one data file.</summary>
internal static class OracleCheck
{
    /// <summary>
    /// Expands with both engines and returns a description of the mismatch, or null when both
    /// produce equal JSON. With <paramref name="expectFailure"/> set, both engines must fail instead.
    /// </summary>
    public static string? Compare(ReferenceEngine reference, string templatePath, string dataPath, bool expectFailure)
    {
        var label = $"{Relative(templatePath)} with {Relative(dataPath)}";
        var expected = reference.Expand(templatePath, dataPath);
        if (!expected.EngineFailed && expected.ExitCode != 0)
        {
            return $"{label}: the reference script exited with code {expected.ExitCode}: {expected.Error.Trim()}";
        }

        JsonObject? actual = null;
        TemplateException? actualError = null;
        try
        {
            actual = ExpandWithSopBot(templatePath, dataPath, strict: false);
        }
        catch (TemplateException exception)
        {
            actualError = exception;
        }

        if (expectFailure)
        {
            if (!expected.EngineFailed)
            {
                return $"{label}: the data file is named *.fails.json, but the reference engine succeeded with {expected.Output.Trim()}";
            }

            return actualError is null
                ? $"{label}: the reference engine failed ({expected.Error.Trim()}), but SopBot.Cards produced {actual!.ToJsonString()}"
                : null;
        }

        if (expected.EngineFailed)
        {
            return $"{label}: {expected.Error.Trim()}"
                + (actualError is null ? $" SopBot.Cards produced {actual!.ToJsonString()}" : $" SopBot.Cards failed too: {actualError.Message}");
        }

        if (actualError is not null)
        {
            return $"{label}: SopBot.Cards failed ({actualError.GetType().Name}: {actualError.Message}), but the reference engine produced {expected.Output.Trim()}";
        }

        var difference = JsonComparison.FindDifference(JsonNode.Parse(expected.Output), actual);
        return difference is null ? null : $"{label}: output differs from the reference engine at {difference}";
    }

    public static JsonObject ExpandWithSopBot(string templatePath, string dataPath, bool strict)
    {
        var template = CardTemplate.Parse(File.ReadAllText(templatePath));
        var data = JsonNode.Parse(File.ReadAllText(dataPath));
        return template.Expand(data, new TemplateExpansionOptions { Strict = strict });
    }

    private static string Relative(string path) =>
        Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');
}
