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
            Assert.True(HelmRunner.IsInstalled, HelmRunner.MissingMessage);
            return HelmRunner.BinaryPath;
        }
    }

    public static async Task<Result> RunAsync(IEnumerable<string> args)
    {
        var result = await HelmRunner.RunAsync([.. args]);
        return new Result(result.ExitCode, result.Stdout, result.Stderr);
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
