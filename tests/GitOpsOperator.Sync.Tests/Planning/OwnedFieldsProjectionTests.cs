using System.Text.Json.Nodes;
using GitOpsOperator.Sync.Planning;

namespace GitOpsOperator.Sync.Tests.Planning;

public sealed class OwnedFieldsProjectionTests
{
    private const string Live = """
        {"metadata":{"name":"web","labels":{"app":"web","team":"x"},
          "managedFields":[
            {"manager":"gitops-operator","operation":"Apply","fieldsV1":{"f:metadata":{"f:labels":{"f:app":{}}},
              "f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"main\"}":{".":{},"f:image":{}}}}}}}},
            {"manager":"autoscaler","operation":"Apply","fieldsV1":{"f:spec":{"f:replicas":{}}}}]},
         "spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"side","image":"envoy"},{"name":"main","image":"nginx:1.27"}]}}},
         "status":{"readyReplicas":3}}
        """;

    [Fact]
    public void Projection_keeps_only_the_fields_our_manager_owns()
    {
        var live = JsonNode.Parse(Live)!.AsObject();

        var projection = OwnedFieldsProjection.Project(live, OwnedFieldsProjection.AppliedFieldsOf(live, "gitops-operator")!);

        Assert.Equal("web", projection["f:metadata"]!["f:labels"]!["f:app"]!.GetValue<string>());
        Assert.Null(projection["f:metadata"]!["f:labels"]!["f:team"]);
        Assert.Null(projection["f:spec"]!["f:replicas"]);
        var main = projection["f:spec"]!["f:template"]!["f:spec"]!["f:containers"]!["k:{\"name\":\"main\"}"]!;
        Assert.Equal("nginx:1.27", main["f:image"]!.GetValue<string>());
    }

    [Fact]
    public void Fingerprint_moves_with_an_owned_field_but_not_with_status_or_other_managers_fields()
    {
        var live = JsonNode.Parse(Live)!.AsObject();
        var before = LiveFingerprint.Of(live);

        var scaled = live.DeepClone().AsObject();
        scaled["spec"]!["replicas"] = 5;
        scaled["status"]!["readyReplicas"] = 1;
        scaled["metadata"]!["labels"]!["team"] = "y";
        var edited = live.DeepClone().AsObject();
        edited["spec"]!["template"]!["spec"]!["containers"]![1]!["image"] = "nginx:latest";

        Assert.Equal(before, LiveFingerprint.Of(scaled));
        Assert.NotEqual(before, LiveFingerprint.Of(edited));
    }

    [Fact]
    public void Dry_run_result_differing_only_in_server_fields_would_not_change_the_object()
    {
        var live = JsonNode.Parse("""{"metadata":{"name":"a","resourceVersion":"5","generation":2,"managedFields":[]},"data":{"k":"v"},"status":{"x":1}}""")!.AsObject();
        var same = JsonNode.Parse("""{"metadata":{"name":"a","resourceVersion":"6","generation":3},"data":{"k":"v"}}""")!.AsObject();
        var different = JsonNode.Parse("""{"metadata":{"name":"a","resourceVersion":"6"},"data":{"k":"w"}}""")!.AsObject();

        Assert.False(LiveComparison.WouldChange(same, live));
        Assert.True(LiveComparison.WouldChange(different, live));
    }
}
