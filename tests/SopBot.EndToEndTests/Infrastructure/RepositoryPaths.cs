using System.Reflection;

namespace SopBot.EndToEndTests.Infrastructure;

/// <summary>Folders and files of the repository that the end-to-end tests start or read.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder that contains SopBot.sln, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration this test assembly was built in, which the bot is started from too.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string Tools => Path.Combine(Root, "tools");

    public static string BotAssembly => Path.Combine(Root, "src", "SopBot.Bot", "bin", Configuration, "net10.0", "SopBot.Bot.dll");

    public static string AzuriteScript => Path.Combine(Tools, "node_modules", "azurite", "dist", "src", "azurite.js");

    /// <summary>The launcher that starts the Agents Playground bound to 127.0.0.1 with its telemetry off.</summary>
    public static string PlaygroundLauncher => Path.Combine(Tools, "playground", "start-playground.cjs");

    public static string PlaygroundConfig => Path.Combine(Tools, "playground", "m365agentsplayground.yml");

    public static string RosterSample => Path.Combine(Tools, "playground", "roster.sample.csv");

    /// <summary>Screenshots and failure captures; the folder is ignored by git.</summary>
    public static string Artifacts => Path.Combine(Root, "artifacts", "e2e");

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
