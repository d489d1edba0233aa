namespace SopBot.Cards.Tests.Oracle;

public sealed class ReferenceEngineTests
{
    [Fact]
    public void MissingPackages_NameInstallCommand()
    {
        var folder = Directory.CreateTempSubdirectory("sopbot-no-tools-").FullName;
        try
        {
            var engine = new ReferenceEngine(folder);

            var exception = Assert.Throws<InvalidOperationException>(() => engine.Expand("template.json", "data.json"));

            Assert.Contains("npm ci --prefix tools", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void MissingNode_NamesInstallCommand()
    {
        var engine = new ReferenceEngine(RepositoryPaths.Root, nodeExecutable: "/nonexistent/node");

        var exception = Assert.Throws<InvalidOperationException>(() => engine.Expand("template.json", "data.json"));

        Assert.Contains("npm ci --prefix tools", exception.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/node", exception.Message, StringComparison.Ordinal);
    }
}
