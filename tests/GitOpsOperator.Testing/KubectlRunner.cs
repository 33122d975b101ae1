namespace GitOpsOperator.Testing;

/// <summary>
/// The real kubectl pointed at one kubeconfig, as a person would run it. Its HOME is a private
/// directory, so neither the machine's ~/.kube/config nor its discovery cache leak into a test; give a
/// <paramref name="cacheDirectory"/> to keep one test class's discovery cache apart from another's.
/// </summary>
public sealed class KubectlRunner(string kubeconfigPath, string? cacheDirectory = null)
{
    public string KubeconfigPath => kubeconfigPath;

    public TimeSpan Timeout { get; init; } = ProcessCommand.DefaultTimeout;

    /// <summary>The kubectl binary; the one on PATH unless a test pins another version.</summary>
    public string Executable { get; init; } = ProcessRunner.OnPath("kubectl");

    public Task<CommandResult> RunAsync(params string[] arguments) => RunWithInputAsync(null, arguments);

    public Task<CommandResult> RunWithInputAsync(string? input, params string[] arguments) =>
        ProcessRunner.RunAsync(CommandFor(arguments) with { Input = input });

    /// <summary>Starts a long-running kubectl (get -w) whose output lines arrive as they are printed.</summary>
    public RunningCommand Start(params string[] arguments) => ProcessRunner.Start(CommandFor(arguments));

    private ProcessCommand CommandFor(IReadOnlyList<string> arguments)
    {
        string[] connection = cacheDirectory is null
            ? ["--kubeconfig", kubeconfigPath]
            : ["--kubeconfig", kubeconfigPath, "--cache-dir", cacheDirectory];
        return new ProcessCommand(Executable, [.. connection, .. arguments])
        {
            Environment = TestHome.Environment,
            Timeout = Timeout,
        };
    }
}
