using System.Diagnostics;

namespace KubeEmulator.Tests.Controllers;

/// <summary>Runs the real kubectl from PATH against an emulated cluster.</summary>
internal static class Kubectl
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(EmulatedCluster cluster, params string[] args)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add($"--kubeconfig={cluster.KubeconfigPath}");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
