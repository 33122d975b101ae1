using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsOperator.Testing;

namespace GitOpsOperator.Manifests.Tests.Support;

/// <summary>Runs kubectl against a kubeconfig and returns what it printed.</summary>
internal sealed class Kubectl(string kubeconfig, string cacheDirectory)
{
    private readonly KubectlRunner runner = new(kubeconfig, cacheDirectory);

    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await runner.RunAsync(arguments);
        return (exitCode, stdout, stderr);
    }

    /// <summary>Every JSON value in kubectl's output (it prints one document per object).</summary>
    public static List<JsonNode> ParseObjects(string output)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(output), new JsonReaderOptions { AllowMultipleValues = true });
        var objects = new List<JsonNode>();
        while (reader.Read())
        {
            objects.Add(JsonNode.Parse(ref reader)!);
        }

        return objects;
    }

    /// <summary>An API scope built from <c>kubectl api-resources</c>, i.e. from the cluster's discovery.</summary>
    public async Task<StaticApiScope> DiscoverScopeAsync()
    {
        var (exitCode, stdout, stderr) = await RunAsync("api-resources", "--no-headers", "-o", "wide");
        Assert.True(exitCode == 0, stderr);
        var table = new Dictionary<GroupVersionKind, bool>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var versionAt = Array.FindIndex(columns, 1, c => c.Contains('/') || c.StartsWith('v'));
            var type = GroupVersionKind.FromApiVersion(columns[versionAt], columns[versionAt + 2]);
            table[type] = columns[versionAt + 1] == "true";
        }

        return new StaticApiScope(table);
    }
}
