using GitOpsOperator.Manifests.Helm;
using GitOpsOperator.Testing;

namespace GitOpsOperator.Manifests.Tests.Support;

/// <summary>Charts in a test repository, rendered with the real helm.</summary>
internal static class Charts
{
    public static readonly ManifestOptions Options = new() { HelmBinary = HelmRunner.BinaryPath };

    /// <summary>The chart <c>helm create</c> makes, at <paramref name="path"/> (its name is the directory's).</summary>
    public static async Task<TestRepo> WithStockChartAsync(this TestRepo repo, string path)
    {
        var directory = Path.Combine(repo.Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(directory)!);
        var result = await HelmRunner.RunAsync(["create", directory]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return repo;
    }

    public static Task<RenderResult> RenderChartAsync(this TestRepo repo, string path, HelmRelease release) =>
        new ManifestRenderer(Options).RenderAsync(
            new RenderRequest(repo.Root, path, release.Namespace, TestApiScope.Instance) { Helm = release }, CancellationToken.None);
}
