using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using k8s;

namespace GitOpsOperator.Tests.Api;

public sealed class SerializationTests
{
    [Fact]
    public void GitSync_serializes_with_the_API_field_names_and_Kubernetes_times()
    {
        var sync = new GitSync
        {
            Metadata = new() { Name = "podinfo", NamespaceProperty = "gitops-system" },
            Spec = new GitSyncSpec { SourceRef = new() { Name = "config" }, Path = "./apps/podinfo", DependsOn = [new() { Name = "infra" }] },
            Status = new GitSyncStatus
            {
                LastAppliedRevision = "main@sha1:4f1c",
                Inventory = new() { Entries = [new() { Id = "podinfo_web_apps_Deployment", Version = "v1" }] },
                Conditions = KStatus.Succeeded([], "applied", 7, new DateTimeOffset(2026, 11, 27, 9, 30, 46, 123, TimeSpan.Zero)),
            },
        };

        var json = JsonNode.Parse(KubernetesJson.Serialize(sync))!;

        Assert.Equal("gitops.operator.io/v1alpha1", (string?)json["apiVersion"]);
        Assert.Equal("GitSync", (string?)json["kind"]);
        Assert.Equal("config", (string?)json["spec"]!["sourceRef"]!["name"]);
        Assert.Equal("GitRepository", (string?)json["spec"]!["sourceRef"]!["kind"]);
        Assert.Equal("10m", (string?)json["spec"]!["interval"]);
        Assert.Equal("infra", (string?)json["spec"]!["dependsOn"]![0]!["name"]);
        Assert.Null(json["spec"]!["targetNamespace"]);
        Assert.Equal("podinfo_web_apps_Deployment", (string?)json["status"]!["inventory"]!["entries"]![0]!["id"]);
        Assert.Equal("v1", (string?)json["status"]!["inventory"]!["entries"]![0]!["v"]);
        Assert.Equal("2026-11-27T09:30:46Z", (string?)json["status"]!["conditions"]![0]!["lastTransitionTime"]);
    }

    [Fact]
    public void GitRepository_reads_what_the_API_server_returns()
    {
        const string served = """
            {"apiVersion":"gitops.operator.io/v1alpha1","kind":"GitRepository",
             "metadata":{"name":"config","namespace":"gitops-system","generation":3},
             "spec":{"url":"https://git.example.com/org/config.git","ref":{"tag":"v1.4.2"},"interval":"1m","timeout":"60s","suspend":false,
                     "verify":{"mode":"HEAD","secretRef":{"name":"git-trusted-keys"}}},
             "status":{"observedGeneration":3,"artifact":{"revision":"v1.4.2@sha1:4f1c7f0d","fetchedAt":"2026-11-27T09:30:46.5+01:00"},
                       "conditions":[{"type":"Ready","status":"True","reason":"Succeeded","message":"","lastTransitionTime":"2026-11-27T08:00:00Z"}]}}
            """;

        var repository = KubernetesJson.Deserialize<GitRepository>(served);

        Assert.Equal("v1.4.2", repository.Spec.Ref!.Tag);
        Assert.Equal("git-trusted-keys", repository.Spec.Verify!.SecretRef.Name);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 30, 46, 500, TimeSpan.Zero), repository.Status!.Artifact!.FetchedAt);
        Assert.True(repository.Status.Conditions.IsTrue(ConditionTypes.Ready));
    }

    [Fact]
    public void History_keeps_the_newest_ten_newest_first()
    {
        var status = new GitSyncStatus();
        for (var i = 1; i <= 12; i++)
        {
            status = status.WithHistory(new HistoryEntry { Revision = $"main@sha1:{i}", Result = HistoryEntry.Succeeded });
        }

        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(i => $"main@sha1:{i}"), status.History.Select(h => h.Revision));
        Assert.Equal("main@sha1:12", JsonSerializer.SerializeToNode(status)!["history"]![0]!["revision"]!.GetValue<string>());
    }
}
