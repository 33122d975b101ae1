using System.Text.Json.Nodes;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Health;
using GitOpsOperator.Sync.Live;
using GitOpsOperator.Sync.Planning;

namespace GitOpsOperator.Sync.Tests.Live;

public sealed class LiveObjectTests
{
    private const string Deployment = """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"web","namespace":"shop","resourceVersion":"42","generation":2,
          "labels":{"gitops.operator.io/name":"app","gitops.operator.io/namespace":"gitops-system"},
          "annotations":{"gitops.operator.io/reconcile":"disabled"},
          "managedFields":[{"manager":"gitops-operator","operation":"Apply","fieldsV1":{"f:spec":{"f:replicas":{}}}}]},
         "spec":{"replicas":2},
         "status":{"observedGeneration":2,"replicas":2,"updatedReplicas":2,"availableReplicas":1}}
        """;

    [Fact]
    public void What_every_pass_reads_is_worked_out_from_the_object_as_the_server_sent_it()
    {
        var sent = JsonNode.Parse(Deployment)!.AsObject();

        var live = LiveObject.From(sent);

        Assert.Equal(new ObjectIdentity("apps", "Deployment", "shop", "web"), live.Identity);
        Assert.Equal("42", live.ResourceVersion);
        Assert.Equal(new GitSyncOwner("gitops-system", "app"), live.Owner);
        Assert.True(live.ReconcileDisabled);
        Assert.Equal(LiveFingerprint.Of(sent), live.Fingerprint);
        Assert.Equal(HealthChecks.Evaluate(sent), live.Health);
        Assert.Equal(HealthState.InProgress, live.Health.State);
    }

    [Fact]
    public void The_kept_object_is_the_sent_one_without_managed_fields_and_each_read_is_a_copy_of_its_own()
    {
        var sent = JsonNode.Parse(Deployment)!.AsObject();
        var live = LiveObject.From(sent);

        var read = live.Json;
        read["spec"]!["replicas"] = 9;

        Assert.NotNull(sent["metadata"]!["managedFields"]);
        var expected = sent.DeepClone().AsObject();
        expected["metadata"]!.AsObject().Remove("managedFields");
        Assert.True(JsonNode.DeepEquals(expected, live.Json));
    }
}
