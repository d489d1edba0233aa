namespace SopBot.Cards.Tests.Oracle;

/// <summary>Folders of the repository, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot(AppContext.BaseDirectory);

    public static string Cards => Path.Combine(Root, "cards");

    public static string FeatureData => Path.Combine(Root, "tests", "SopBot.Cards.Tests", "data", "features");

    public static string CardData => Path.Combine(Root, "tests", "SopBot.Cards.Tests", "data", "cards");

    /// <summary>Walks up from <paramref name="start"/> to the folder that contains SopBot.sln.</summary>
    public static string FindRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SopBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {start} contains SopBot.sln, so the repository root was not found.");
    }
}
