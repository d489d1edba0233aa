namespace SopBot.Cards.Tests.Oracle;

/// <summary>
/// Compares SopBot.Cards with the reference engine on the feature templates under
/// data/features/NAME/: template.json with every other *.json in that folder as data. A data
/// file named *.fails.json expects both engines to fail.
/// </summary>
public sealed class FeatureOracleTests
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(RepositoryPaths.FeatureData).Order(StringComparer.Ordinal))
        {
            var feature = Path.GetFileName(folder);
            foreach (var dataFile in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                if (Path.GetFileName(dataFile) != "template.json")
                {
                    cases.Add(feature, Path.GetFileName(dataFile));
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Feature_MatchesReferenceEngine(string feature, string dataFile)
    {
        var folder = Path.Combine(RepositoryPaths.FeatureData, feature);
        var expectFailure = dataFile.EndsWith(".fails.json", StringComparison.Ordinal);

        var mismatch = OracleCheck.Compare(
            ReferenceEngine.Default,
            Path.Combine(folder, "template.json"),
            Path.Combine(folder, dataFile),
            expectFailure);

        // Assert.Null would cut the message short, and the message is the diagnosis.
        Assert.True(mismatch is null, mismatch);
    }

    [Fact]
    public void Features_EachHasTemplateAndData()
    {
        foreach (var folder in Directory.GetDirectories(RepositoryPaths.FeatureData))
        {
            Assert.True(File.Exists(Path.Combine(folder, "template.json")), $"{folder} has no template.json.");
            Assert.True(Directory.GetFiles(folder, "*.json").Length >= 2, $"{folder} has no data file next to template.json.");
        }
    }
}
