using System.Reflection;

namespace SopBot.Benchmarks;

internal static class RepositoryPaths
{
    /// <summary>The folder that contains SopBot.sln, found by walking up from the benchmark's assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string Azurite => Path.Combine(Root, "tools", "node_modules", "azurite", "dist", "src", "azurite.js");

    /// <summary>The configuration (Debug or Release) that this tool, and the bot with it, was built in.</summary>
    public static string BotConfiguration { get; } = Metadata("BotConfiguration");

    /// <summary>The bot's dll that MSBuild wrote next to this tool's build, in the same configuration.</summary>
    public static string BotDll => Path.Combine(
        Root, "src", "SopBot.Bot", "bin", BotConfiguration, Metadata("BotTargetFramework"), "SopBot.Bot.dll");

    private static string Metadata(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"The assembly metadata {key} is missing. Rebuild tools/SopBot.Benchmarks.");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SopBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains SopBot.sln.");
    }
}
