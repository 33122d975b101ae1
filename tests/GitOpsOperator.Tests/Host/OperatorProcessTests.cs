using System.Text.Json.Nodes;

namespace GitOpsOperator.Tests.Host;

/// <summary>The operator as a separate process: settings from the environment, logs on stdout.</summary>
public sealed class OperatorProcessTests
{
    private static readonly string OperatorDll = Path.Combine(AppContext.BaseDirectory, "GitOpsOperator.dll");

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var result = await ProcessRunner.RunAsync(new ProcessCommand("dotnet", [OperatorDll, .. args]) { Environment = environment });
        return (result.ExitCode, result.Stdout, result.Stderr);
    }

    private static string UnreachableClusterKubeconfig()
    {
        var path = Path.Combine(Path.GetTempPath(), $"unreachable-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            apiVersion: v1
            kind: Config
            clusters: [{ name: gone, cluster: { server: "http://127.0.0.1:1" } }]
            users: [{ name: gone, user: {} }]
            contexts: [{ name: gone, context: { cluster: gone, user: gone } }]
            current-context: gone
            """);
        return path;
    }

    [Fact]
    public async Task Settings_come_from_the_environment()
    {
        var (exitCode, _, errors) = await RunAsync(new Dictionary<string, string> { ["Operator__LogFormat"] = "xml" });

        Assert.Equal(2, exitCode);
        Assert.Contains("log format \"xml\"", errors);
    }

    [Fact]
    public async Task The_command_line_wins_over_the_environment_and_json_logs_are_one_object_per_line()
    {
        var kubeconfig = UnreachableClusterKubeconfig();
        try
        {
            var (exitCode, output, _) = await RunAsync(
                new Dictionary<string, string> { ["Operator__LogFormat"] = "xml", ["Operator__HttpPort"] = "0", ["Operator__HttpAddress"] = "127.0.0.1" },
                "--kubeconfig", kubeconfig, "--install-crds", "--log-format", "json");

            Assert.Equal(1, exitCode);
            var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
            var fatal = Assert.Single(events, e => (string?)e["@l"] == "Fatal");
            Assert.Contains("cannot reach the API server at http://127.0.0.1:1/", (string?)fatal["@m"]);
            Assert.Contains(events, e => (string?)e["Source"] == $"kubeconfig {kubeconfig}");
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }
}
