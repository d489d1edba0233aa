namespace SopBot.IntegrationTests.Support;

internal static class RepositoryPaths
{
    /// <summary>The folder that holds SopBot.sln, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string Tools => Path.Combine(Root, "tools");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SopBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds SopBot.sln.");
    }
}
