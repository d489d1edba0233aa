using System.ComponentModel;
using System.Diagnostics;

namespace SopBot.Cards.Tests.Oracle;

/// <summary>The output of one run of tools/scripts/expand-template.mjs.</summary>
internal sealed record ReferenceResult(int ExitCode, string Output, string Error)
{
    /// <summary>Exit code 1: the reference engine rejected the template or failed to expand it.</summary>
    public bool EngineFailed => ExitCode == 1;
}

/// <summary>
/// Runs the reference JavaScript engine, adaptivecards-templating, through
/// tools/scripts/expand-template.mjs under Node.js.
/// </summary>
internal sealed class ReferenceEngine(string repositoryRoot, string nodeExecutable = "node")
{
    private const string InstallHint = "Run `npm ci --prefix tools` from the repository root.";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static ReferenceEngine Default { get; } = new(RepositoryPaths.Root);

    /// <summary>Expands a template file with a data file as $root.</summary>
    /// <exception cref="InvalidOperationException">Node.js or the tools packages are missing, or the script timed out.</exception>
    public ReferenceResult Expand(string templatePath, string dataPath)
    {
        var package = Path.Combine(repositoryRoot, "tools", "node_modules", "adaptivecards-templating", "package.json");
        if (!File.Exists(package))
        {
            throw new InvalidOperationException($"The reference engine is not installed: {package} is missing. {InstallHint}");
        }

        var startInfo = new ProcessStartInfo(nodeExecutable)
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine("tools", "scripts", "expand-template.mjs"));
        startInfo.ArgumentList.Add(templatePath);
        startInfo.ArgumentList.Add(dataPath);

        // string() formats numbers in the process's default locale, but SopBot.Cards formats them as en-US.
        startInfo.Environment["LC_ALL"] = "en_US.UTF-8";

        Process process;
        try
        {
            process = Process.Start(startInfo)
                ?? throw new InvalidOperationException($"Starting '{nodeExecutable}' returned no process.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"Cannot start '{nodeExecutable}' ({exception.Message}). Install Node.js 20 or later, then {InstallHint}",
                exception);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"The reference engine did not finish within {Timeout.TotalSeconds} s for {templatePath} with {dataPath}.");
            }

            return new ReferenceResult(process.ExitCode, output.Result, error.Result);
        }
    }
}
