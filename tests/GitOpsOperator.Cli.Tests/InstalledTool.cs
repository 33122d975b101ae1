namespace GitOpsOperator.Cli.Tests;

/// <summary>
/// The tool as a user gets it: <c>dotnet pack</c> of src/GitOpsOperator.Cli, then <c>dotnet tool install --tool-path</c>
/// from that package; done once per test run. The directory holds <c>kubectl-gitops</c>, for kubectl to find on PATH.
/// </summary>
internal static class InstalledTool
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);
    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);

    public static Task<string> DirectoryAsync() => Installed.Value;

    private static async Task<string> InstallAsync()
    {
        var root = Directory.CreateTempSubdirectory("kubectl-gitops-").FullName;
        var packages = Path.Combine(root, "packages");
        var tools = Path.Combine(root, "bin");
        var pack = await ProcessRunner.RunAsync(new ProcessCommand("dotnet", ["pack", "src/GitOpsOperator.Cli", "-c", "Release", "-o", packages])
        {
            WorkingDirectory = RepositoryRoot.Path,
            Timeout = BuildTimeout,
        });
        Assert.True(pack.Succeeded, $"dotnet pack failed: {pack}");

        // A package folder of its own, so an earlier run's package of the same version is never reused.
        var install = await ProcessRunner.RunAsync(new ProcessCommand("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", packages, "GitOpsOperator.Cli"])
        {
            Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "nuget") },
            Timeout = BuildTimeout,
        });
        Assert.True(install.Succeeded, $"dotnet tool install failed: {install}");
        Assert.True(File.Exists(Path.Combine(tools, "kubectl-gitops")), "the tool installs a kubectl-gitops command");
        return tools;
    }
}
