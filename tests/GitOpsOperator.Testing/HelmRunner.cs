namespace GitOpsOperator.Testing;

/// <summary>The helm binary that scripts/install-test-deps.sh puts in .tools/bin of the checkout.</summary>
public static class HelmRunner
{
    public static string BinaryPath => RepositoryRoot.Combine(".tools", "bin", "helm");

    public static bool IsInstalled => File.Exists(BinaryPath);

    public static string MissingMessage => $"helm is missing at {BinaryPath}: run scripts/install-test-deps.sh";

    /// <summary>Runs helm with a private HOME; throws when helm is not installed, saying how to install it.</summary>
    public static Task<CommandResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default) =>
        IsInstalled
            ? ProcessRunner.RunAsync(new ProcessCommand(BinaryPath, arguments) { Environment = TestHome.Environment }, cancellationToken)
            : throw new InvalidOperationException(MissingMessage);
}
