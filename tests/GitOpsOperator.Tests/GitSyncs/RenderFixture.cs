using GitOpsOperator.Api;
using GitOpsOperator.Controllers.GitSyncs;
using GitOpsOperator.Source;
using GitOpsOperator.Source.Export;
using GitOpsOperator.Source.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsOperator.Tests.GitSyncs;

/// <summary>An origin repository and a source cache that polled it, for reading commits as the GitSync controller does.</summary>
internal sealed class RenderFixture : IDisposable
{
    private readonly string root;

    private RenderFixture(string root, OriginRepo origin, GitSourceCache cache)
    {
        this.root = root;
        Origin = origin;
        Cache = cache;
    }

    public OriginRepo Origin { get; }

    public GitSourceCache Cache { get; }

    public static async Task<RenderFixture> CreateAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), $"gitsync-render-{Guid.NewGuid():N}");
        var origin = await OriginRepo.CreateAsync(Path.Combine(root, "served"), Path.Combine(root, "scratch"), "config");
        return new RenderFixture(root, origin, new GitSourceCache(Path.Combine(root, "cache"), NullLogger<GitSourceCache>.Instance));
    }

    /// <summary>Commits the files and returns the artifact of the new commit, fetched into the cache.</summary>
    public async Task<Source.Artifact> CommitAsync(string message, params (string Path, string? Content)[] files)
    {
        await Origin.CommitAsync(message, files);
        return (await Cache.PollAsync(Requests.For("file://" + Origin.GitDir), CancellationToken.None)).Succeeds();
    }

    public async Task<ExportedTree> ExportAsync(Source.Artifact artifact, string path)
    {
        var exported = await Cache.ExportAsync(artifact, path, CancellationToken.None);
        Assert.True(exported.Succeeded, $"export failed: {exported.Failure}");
        return exported.Value!;
    }

    public static GitSync Sync(string path) => new()
    {
        Metadata = new() { Name = "web", NamespaceProperty = GitSyncScenario.Namespace },
        Spec = GitSyncScenario.Spec(path),
    };

    public static RenderedSet Set(string path, IReadOnlyDictionary<string, string> inputs) =>
        new(path, GitSyncScenario.Namespace, inputs, []);

    public void Dispose()
    {
        Cache.Dispose();
        Directory.Delete(root, recursive: true);
    }
}
