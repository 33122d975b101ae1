using System.Diagnostics;
using GitOpsOperator.Tests.Support;

namespace GitOpsOperator.Tests.Chart;

/// <summary>The helm binary that scripts/install-test-deps.sh puts in .tools/bin; a test fails when it is missing.</summary>
internal static class Helm
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public static string ChartPath { get; } = RepositoryRoot.Combine("charts", "gitops-operator");

    public static string BinaryPath
    {
        get
        {
            var path = RepositoryRoot.Combine(".tools", "bin", "helm");
            Assert.True(File.Exists(path), $"helm is missing at {path}: run scripts/install-test-deps.sh");
            return path;
        }
    }

    public static async Task<Result> RunAsync(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(BinaryPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("helm did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await errors);
    }

    public static async Task<string> SucceedAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"helm {string.Join(' ', args)} exited {result.ExitCode}: {result.Errors}");
        return result.Output;
    }

    /// <summary>The chart rendered by <c>helm template</c> with the given <c>--set</c> values.</summary>
    public static async Task<RenderedChart> TemplateAsync(params string[] setValues)
    {
        string[] args = ["template", "gitops-operator", ChartPath, "--namespace", "gitops-system", .. setValues.SelectMany(v => new[] { "--set", v })];
        return RenderedChart.Parse(await SucceedAsync(args));
    }
}
