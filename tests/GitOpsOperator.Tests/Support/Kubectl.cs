namespace GitOpsOperator.Tests.Support;

/// <summary>The real kubectl from PATH, run against a kubeconfig as a person would.</summary>
internal static class Kubectl
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public static async Task<Result> RunAsync(string kubeconfig, string? input, params string[] args)
    {
        var result = await new KubectlRunner(kubeconfig).RunWithInputAsync(input, args);
        return new Result(result.ExitCode, result.Stdout, result.Stderr);
    }

    public static async Task<string> SucceedAsync(string kubeconfig, string? input, params string[] args)
    {
        var result = await RunAsync(kubeconfig, input, args);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)} exited {result.ExitCode}: {result.Errors}");
        return result.Output;
    }
}
