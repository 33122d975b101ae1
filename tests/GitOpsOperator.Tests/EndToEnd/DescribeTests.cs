using GitOpsOperator.Conditions;

namespace GitOpsOperator.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class DescribeTests
{
    [Fact]
    public async Task Kubectl_describe_shows_conditions_history_and_recent_events()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var good = await cluster.PushAsync("Add tiny", ("apps/tiny/alpha.yaml", ConfigMap("alpha")));
        await cluster.ApplyGitSyncAsync("tiny", "  path: ./apps/tiny\n  targetNamespace: default\n");
        await cluster.WaitForReadyAsync("tiny", good);
        var bad = await cluster.PushAsync("Add an unnamed ConfigMap", ("apps/tiny/beta.yaml", ConfigMap("")));
        await cluster.WaitForGitSyncAsync(
            "tiny", s => s.Ready() is { Status: Condition.False } && s.Status!.LastAttemptedRevision == GitOpsCluster.Revision(bad), "failing at the bad commit");

        var described = await cluster.KubectlAsync("describe", "gitsync", "tiny", "-n", GitOpsCluster.Namespace);

        var conditions = Section(described, "Conditions:");
        Assert.Contains(ConditionTypes.Ready, conditions, StringComparison.Ordinal);
        Assert.Contains("beta.yaml", conditions, StringComparison.Ordinal);
        var history = Section(described, "History:");
        Assert.Contains(good, history, StringComparison.Ordinal);
        Assert.Contains(bad, history, StringComparison.Ordinal);
        var events = described[described.IndexOf("\nEvents:", StringComparison.Ordinal)..];
        Assert.Contains(events.Split('\n'), line => line.TrimStart().StartsWith("Normal", StringComparison.Ordinal));
        Assert.Contains(events.Split('\n'), line => line.TrimStart().StartsWith("Warning", StringComparison.Ordinal) && line.Contains("beta.yaml", StringComparison.Ordinal));
    }

    private static string ConfigMap(string name) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"{name}\"\ndata:\n  app: tiny\n";

    /// <summary>The lines of a describe section: its heading and the more deeply indented lines below it.</summary>
    private static string Section(string described, string heading)
    {
        var lines = described.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimStart().StartsWith(heading, StringComparison.Ordinal));
        Assert.True(start >= 0, $"describe shows {heading}\n{described}");
        var indent = lines[start].Length - lines[start].TrimStart().Length;
        var body = lines.Skip(start + 1).TakeWhile(l => l.Length - l.TrimStart().Length > indent || l.Trim().Length == 0);
        return string.Join('\n', [lines[start], .. body]);
    }
}
