namespace GitOpsOperator.Manifests.Tests.Support;

/// <summary>A throwaway repository tree on disk, deleted when disposed.</summary>
internal sealed class TestRepo : IDisposable
{
    public TestRepo()
    {
        Root = Path.Combine(Path.GetTempPath(), "manifests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public TestRepo With(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    /// <summary>Copies a fixture folder shipped with the tests into the repository at <paramref name="target"/>.</summary>
    public TestRepo WithFixture(string fixture, string target = "")
    {
        var source = Path.Combine(AppContext.BaseDirectory, fixture);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(Root, target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return this;
    }

    public TestRepo WithSymlink(string relativePath, string target)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return this;
    }

    public Task<RenderResult> RenderAsync(string path = "./", string? targetNamespace = "apps", ManifestOptions? options = null) =>
        new ManifestRenderer(options ?? new ManifestOptions()).RenderAsync(
            new RenderRequest(Root, path, targetNamespace, TestApiScope.Instance), CancellationToken.None);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
