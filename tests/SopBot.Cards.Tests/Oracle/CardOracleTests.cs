using System.Text.Json.Nodes;
using SopBot.Cards.Templating;

namespace SopBot.Cards.Tests.Oracle;

/// <summary>
/// Checks every card template in cards/ against the reference engine with each sample data file
/// in data/cards/TEMPLATE-NAME/, and fails for a template without sample data, so that no card
/// skips the check.
/// </summary>
public sealed class CardOracleTests
{
    [Fact]
    public void CardTemplates_MatchReferenceEngine()
    {
        var failures = CardOracle.Check(ReferenceEngine.Default, RepositoryPaths.Cards, RepositoryPaths.CardData);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures));
    }

    [Fact]
    public void Check_TemplateWithoutData_FailsNamingTemplate()
    {
        using var folders = new TemporaryFolders();
        File.WriteAllText(Path.Combine(folders.Cards, "orphan-card.json"), """{"type": "AdaptiveCard", "version": "1.5"}""");

        var failures = CardOracle.Check(ReferenceEngine.Default, folders.Cards, folders.Data);

        var failure = Assert.Single(failures);
        Assert.Contains("orphan-card.json", failure, StringComparison.Ordinal);
        Assert.Contains("no sample data", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TemplateWithData_Passes()
    {
        using var folders = new TemporaryFolders();
        File.WriteAllText(
            Path.Combine(folders.Cards, "greeting.json"),
            """{"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "TextBlock", "text": "Hello ${name}"}]}""");
        Directory.CreateDirectory(Path.Combine(folders.Data, "greeting"));
        File.WriteAllText(Path.Combine(folders.Data, "greeting", "basic.json"), """{"name": "Ann"}""");

        var failures = CardOracle.Check(ReferenceEngine.Default, folders.Cards, folders.Data);

        Assert.Empty(failures);
    }

    [Fact]
    public void Check_CardWithoutAdaptiveCardType_Fails()
    {
        using var folders = new TemporaryFolders();
        File.WriteAllText(Path.Combine(folders.Cards, "not-a-card.json"), """{"type": "Container"}""");
        Directory.CreateDirectory(Path.Combine(folders.Data, "not-a-card"));
        File.WriteAllText(Path.Combine(folders.Data, "not-a-card", "basic.json"), "{}");

        var failures = CardOracle.Check(ReferenceEngine.Default, folders.Cards, folders.Data);

        var failure = Assert.Single(failures);
        Assert.Contains("\"type\": \"AdaptiveCard\"", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MisspeltBinding_FailsStrictExpansion()
    {
        using var folders = new TemporaryFolders();
        File.WriteAllText(
            Path.Combine(folders.Cards, "typo.json"),
            """{"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "Hello ${nmae}"}]}""");
        Directory.CreateDirectory(Path.Combine(folders.Data, "typo"));
        File.WriteAllText(Path.Combine(folders.Data, "typo", "basic.json"), """{"name": "Ann"}""");

        var failures = CardOracle.Check(ReferenceEngine.Default, folders.Cards, folders.Data);

        var failure = Assert.Single(failures);
        Assert.Contains("nmae", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MissingCardsFolder_FindsNothing()
    {
        using var folders = new TemporaryFolders();

        var failures = CardOracle.Check(ReferenceEngine.Default, Path.Combine(folders.Cards, "absent"), folders.Data);

        Assert.Empty(failures);
    }

    private sealed class TemporaryFolders : IDisposable
    {
        private readonly string root = Directory.CreateTempSubdirectory("sopbot-cards-").FullName;

        public TemporaryFolders()
        {
            Directory.CreateDirectory(Cards);
            Directory.CreateDirectory(Data);
        }

        public string Cards => Path.Combine(root, "cards");

        public string Data => Path.Combine(root, "data");

        public void Dispose() => Directory.Delete(root, recursive: true);
    }
}

/// <summary>The checks of <see cref="CardOracleTests"/>, on any pair of folders.</summary>
internal static class CardOracle
{
    /// <summary>
    /// Checks each *.json template in <paramref name="cardsFolder"/> with each data file in
    /// <paramref name="dataFolder"/>/NAME/: the output must equal the reference engine's, be an
    /// object with "type": "AdaptiveCard", and expand in strict mode too, which catches misspelt
    /// bindings. Returns one message per failure; a missing cards folder has no templates.
    /// </summary>
    public static List<string> Check(ReferenceEngine reference, string cardsFolder, string dataFolder)
    {
        var failures = new List<string>();
        if (!Directory.Exists(cardsFolder))
        {
            return failures;
        }

        foreach (var templatePath in Directory.GetFiles(cardsFolder, "*.json").Order(StringComparer.Ordinal))
        {
            var templateFile = Path.GetFileName(templatePath);
            var name = Path.GetFileNameWithoutExtension(templatePath);
            var sampleFolder = Path.Combine(dataFolder, name);
            var dataFiles = Directory.Exists(sampleFolder)
                ? Directory.GetFiles(sampleFolder, "*.json").Order(StringComparer.Ordinal).ToArray()
                : [];
            if (dataFiles.Length == 0)
            {
                failures.Add(
                    $"Card template {templateFile} has no sample data. Add at least one data file as {Display(sampleFolder)}/NAME.json.");
                continue;
            }

            foreach (var dataPath in dataFiles)
            {
                var failure = CheckSample(reference, templatePath, dataPath);
                if (failure is not null)
                {
                    failures.Add($"Card template {templateFile} with {Path.GetFileName(dataPath)}: {failure}");
                }
            }
        }

        return failures;
    }

    // Paths inside the repository are shown relative to its root, with '/' separators.
    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(RepositoryPaths.Root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? path
            : relative.Replace('\\', '/');
    }

    private static string? CheckSample(ReferenceEngine reference, string templatePath, string dataPath)
    {
        var mismatch = OracleCheck.Compare(reference, templatePath, dataPath, expectFailure: false);
        if (mismatch is not null)
        {
            return mismatch;
        }

        JsonObject card;
        try
        {
            card = OracleCheck.ExpandWithSopBot(templatePath, dataPath, strict: true);
        }
        catch (TemplateException exception)
        {
            return $"strict expansion failed, which the bot would report at run time: {exception.Message}";
        }

        var type = card["type"];
        if (type is null || type.GetValueKind() != System.Text.Json.JsonValueKind.String || type.GetValue<string>() != "AdaptiveCard")
        {
            return $"the expanded card must be an object with \"type\": \"AdaptiveCard\", but its type is {type?.ToJsonString() ?? "missing"}.";
        }

        return null;
    }
}
