using GitOpsOperator.Manifests.Tests.Support;

namespace GitOpsOperator.Manifests.Tests;

/// <summary>
/// For every file of the conformance corpus, the objects we render equal, object for object, what
/// <c>kubectl create --dry-run=client -o json -f FILE</c> builds from the same file against the emulated API server.
/// </summary>
public class KubectlConformanceTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Namespace = "conformance";

    public static TheoryData<string> CorpusFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "conformance")).Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task Rendered_objects_equal_kubectl_dry_run_output(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "conformance", file);
        var (exitCode, stdout, stderr) = await emulator.Kubectl.RunAsync(
            "create", "--dry-run=client", "--validate=false", "-o", "json", "-n", Namespace, "-f", path);
        Assert.True(exitCode == 0, $"kubectl refused {file}: {stderr}");
        var expected = Kubectl.ParseObjects(stdout);

        using var repo = new TestRepo().WithFixture("conformance");
        var result = await new ManifestRenderer().RenderAsync(new RenderRequest(repo.Root, file, Namespace, emulator.Scope), CancellationToken.None);

        Assert.True(result.Outcome == RenderOutcome.Rendered, string.Join("\n", result.Errors));
        Assert.Equal(expected.Count, result.Objects.Count);
        foreach (var (ours, theirs) in result.Objects.Zip(expected))
        {
            Assert.True(JsonSemantics.AreEqual(theirs, ours.Json), $"{ours}\nkubectl: {theirs.ToJsonString()}\nours:    {ours.Json.ToJsonString()}");
        }
    }
}
