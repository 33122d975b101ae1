using GitOpsOperator.Conditions;

namespace GitOpsOperator.Tests.EndToEnd;

[Collection(EndToEndCollection.Name)]
public sealed class SecretSafetyTests
{
    private const string Password = "correct-horse-battery-staple";

    [Fact]
    public async Task A_refused_Secret_is_named_in_status_and_events_but_its_value_never_is()
    {
        await using var cluster = await GitOpsCluster.StartAsync();
        var sha = await cluster.PushAsync("Add a badly named Secret", ("apps/vault/secret.yaml", BadlyNamedSecret));

        await cluster.ApplyGitSyncAsync("vault", "  path: ./apps/vault\n  targetNamespace: default\n");
        var sync = await cluster.WaitForGitSyncAsync(
            "vault",
            s => s.Ready() is { Status: Condition.False, Reason: Reasons.ValidationFailed or Reasons.BuildFailed } && s.Status!.LastAttemptedRevision == GitOpsCluster.Revision(sha),
            "the Secret is refused");

        Assert.Contains("Top_Secret", sync.Ready()!.Message, StringComparison.Ordinal);
        var status = await cluster.KubectlAsync("get", "gitsync", "vault", "-n", GitOpsCluster.Namespace, "-o", "yaml");
        var events = await cluster.KubectlAsync("get", "events", "-n", GitOpsCluster.Namespace, "-o", "yaml");
        var described = await cluster.KubectlAsync("describe", "gitsync", "vault", "-n", GitOpsCluster.Namespace);
        Assert.DoesNotContain(Password, status, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, events, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, described, StringComparison.Ordinal);
    }

    private const string BadlyNamedSecret = $"""
        apiVersion: v1
        kind: Secret
        metadata:
          name: Top_Secret
        type: Opaque
        stringData:
          password: {Password}
        """;
}
