using System.Text.Json.Nodes;
using GitOpsOperator.Sync.Health;

namespace GitOpsOperator.Sync.Tests.Health;

public sealed class HealthChecksTests
{
    [Theory]
    [InlineData("rolled out", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"generation":2},"spec":{"replicas":2},"status":{"observedGeneration":2,"replicas":2,"updatedReplicas":2,"availableReplicas":2,"conditions":[{"type":"Available","status":"True"}]}}""", HealthState.Current)]
    [InlineData("controller behind", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"generation":3},"spec":{"replicas":2},"status":{"observedGeneration":2,"replicas":2,"updatedReplicas":2,"availableReplicas":2}}""", HealthState.InProgress)]
    [InlineData("no status yet", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"generation":1},"spec":{}}""", HealthState.InProgress)]
    [InlineData("replicas not available", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"generation":1},"spec":{"replicas":3},"status":{"observedGeneration":1,"replicas":3,"updatedReplicas":3,"availableReplicas":1}}""", HealthState.InProgress)]
    [InlineData("old replicas left", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"generation":1},"spec":{"replicas":1},"status":{"observedGeneration":1,"replicas":2,"updatedReplicas":1,"availableReplicas":1}}""", HealthState.InProgress)]
    [InlineData("deadline exceeded", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"generation":1},"status":{"observedGeneration":1,"conditions":[{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded","message":"ReplicaSet \"web-1\" has timed out progressing."}]}}""", HealthState.Failed)]
    [InlineData("default one replica", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"generation":1},"spec":{},"status":{"observedGeneration":1,"replicas":1,"updatedReplicas":1,"availableReplicas":1}}""", HealthState.Current)]
    public void Deployment(string _, string json, HealthState expected) => AssertState(json, expected);

    [Theory]
    [InlineData("all ready", """{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"generation":1},"spec":{"replicas":2},"status":{"observedGeneration":1,"readyReplicas":2,"updatedReplicas":2,"currentRevision":"db-1","updateRevision":"db-1"}}""", HealthState.Current)]
    [InlineData("revision rolling", """{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"generation":2},"spec":{"replicas":2},"status":{"observedGeneration":2,"readyReplicas":2,"updatedReplicas":2,"currentRevision":"db-1","updateRevision":"db-2"}}""", HealthState.InProgress)]
    [InlineData("not ready", """{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"generation":1},"spec":{"replicas":2},"status":{"observedGeneration":1,"readyReplicas":1}}""", HealthState.InProgress)]
    public void StatefulSet(string _, string json, HealthState expected) => AssertState(json, expected);

    [Theory]
    [InlineData("all nodes", """{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"generation":1},"status":{"observedGeneration":1,"desiredNumberScheduled":3,"currentNumberScheduled":3,"updatedNumberScheduled":3,"numberReady":3,"numberAvailable":3}}""", HealthState.Current)]
    [InlineData("one node behind", """{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"generation":1},"status":{"observedGeneration":1,"desiredNumberScheduled":3,"currentNumberScheduled":3,"updatedNumberScheduled":2,"numberReady":3,"numberAvailable":3}}""", HealthState.InProgress)]
    public void DaemonSet(string _, string json, HealthState expected) => AssertState(json, expected);

    [Theory]
    [InlineData("ready", """{"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"generation":1},"spec":{"replicas":2},"status":{"observedGeneration":1,"readyReplicas":2,"availableReplicas":2}}""", HealthState.Current)]
    [InlineData("replica failure", """{"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"generation":1},"status":{"observedGeneration":1,"conditions":[{"type":"ReplicaFailure","status":"True","message":"quota"}]}}""", HealthState.Failed)]
    public void ReplicaSet(string _, string json, HealthState expected) => AssertState(json, expected);

    [Theory]
    [InlineData("complete", """{"apiVersion":"batch/v1","kind":"Job","status":{"succeeded":1,"conditions":[{"type":"Complete","status":"True"}]}}""", HealthState.Current)]
    [InlineData("failed", """{"apiVersion":"batch/v1","kind":"Job","status":{"conditions":[{"type":"Failed","status":"True","reason":"BackoffLimitExceeded"}]}}""", HealthState.Failed)]
    [InlineData("running", """{"apiVersion":"batch/v1","kind":"Job","status":{"active":1}}""", HealthState.InProgress)]
    public void Job(string _, string json, HealthState expected) => AssertState(json, expected);

    [Theory]
    [InlineData("bound", """{"apiVersion":"v1","kind":"PersistentVolumeClaim","status":{"phase":"Bound"}}""", HealthState.Current)]
    [InlineData("pending", """{"apiVersion":"v1","kind":"PersistentVolumeClaim","status":{"phase":"Pending"}}""", HealthState.InProgress)]
    [InlineData("lost", """{"apiVersion":"v1","kind":"PersistentVolumeClaim","status":{"phase":"Lost"}}""", HealthState.Failed)]
    public void PersistentVolumeClaim(string _, string json, HealthState expected) => AssertState(json, expected);

    [Theory]
    [InlineData("cluster ip", """{"apiVersion":"v1","kind":"Service","spec":{"type":"ClusterIP"}}""", HealthState.Current)]
    [InlineData("load balancer waiting", """{"apiVersion":"v1","kind":"Service","spec":{"type":"LoadBalancer"},"status":{"loadBalancer":{}}}""", HealthState.InProgress)]
    [InlineData("load balancer ready", """{"apiVersion":"v1","kind":"Service","spec":{"type":"LoadBalancer"},"status":{"loadBalancer":{"ingress":[{"ip":"127.0.0.2"}]}}}""", HealthState.Current)]
    public void Service(string _, string json, HealthState expected) => AssertState(json, expected);

    [Theory]
    [InlineData("no address", """{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","status":{"loadBalancer":{}}}""", HealthState.InProgress)]
    [InlineData("address", """{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","status":{"loadBalancer":{"ingress":[{"hostname":"lb.local"}]}}}""", HealthState.Current)]
    public void Ingress(string _, string json, HealthState expected) => AssertState(json, expected);

    [Theory]
    [InlineData("established", """{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","status":{"conditions":[{"type":"NamesAccepted","status":"True"},{"type":"Established","status":"True"}]}}""", HealthState.Current)]
    [InlineData("names refused", """{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","status":{"conditions":[{"type":"NamesAccepted","status":"False","message":"taken"}]}}""", HealthState.Failed)]
    [InlineData("not yet", """{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition"}""", HealthState.InProgress)]
    public void CustomResourceDefinition(string _, string json, HealthState expected) => AssertState(json, expected);

    [Theory]
    [InlineData("no conditions", """{"apiVersion":"v1","kind":"ConfigMap"}""", HealthState.Current)]
    [InlineData("ready true", """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"generation":1},"status":{"observedGeneration":1,"conditions":[{"type":"Ready","status":"True"}]}}""", HealthState.Current)]
    [InlineData("ready false", """{"apiVersion":"example.com/v1","kind":"Widget","status":{"conditions":[{"type":"Ready","status":"False","reason":"Waiting"}]}}""", HealthState.InProgress)]
    [InlineData("stalled", """{"apiVersion":"example.com/v1","kind":"Widget","status":{"conditions":[{"type":"Ready","status":"False"},{"type":"Stalled","status":"True","reason":"Broken"}]}}""", HealthState.Failed)]
    [InlineData("stale generation", """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"generation":2},"status":{"observedGeneration":1,"conditions":[{"type":"Ready","status":"True"}]}}""", HealthState.InProgress)]
    public void Ready_condition(string _, string json, HealthState expected) => AssertState(json, expected);

    [Fact]
    public void A_failed_rollout_says_why()
    {
        var status = HealthChecks.Evaluate(Parse("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"generation":1},"status":{"observedGeneration":1,"conditions":[{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded","message":"ReplicaSet \"web-1\" has timed out progressing."}]}}"""));

        Assert.Contains("timed out progressing", status.Message, StringComparison.Ordinal);
    }

    private static void AssertState(string json, HealthState expected) =>
        Assert.Equal(expected, HealthChecks.Evaluate(Parse(json)).State);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
