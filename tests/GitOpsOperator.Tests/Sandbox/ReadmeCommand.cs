namespace GitOpsOperator.Tests.Sandbox;

/// <summary>
/// The README's first command (<c>dotnet run --project src/GitOpsOperator.Cli -- sandbox</c>) as the sandbox tests run
/// it: the named project's assembly, which this test build already built, with the arguments after "--".
/// </summary>
internal static class ReadmeCommand
{
    public static string FirstCommand { get; } = File.ReadLines(RepositoryRoot.Combine("README.md"))
        .Select(line => line.Trim())
        .First(line => line.StartsWith("dotnet run --project ", StringComparison.Ordinal));

    /// <summary>What follows "dotnet": the project's built assembly and the command's arguments.</summary>
    public static IReadOnlyList<string> DotnetArguments
    {
        get
        {
            var words = FirstCommand.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var project = words[Array.IndexOf(words, "--project") + 1];
            return [Path.Combine(AppContext.BaseDirectory, Path.GetFileName(project) + ".dll"), .. words[(Array.IndexOf(words, "--") + 1)..]];
        }
    }
}
