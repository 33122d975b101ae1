using GitOpsOperator.Manifests;

namespace GitOpsOperator.Sync.Tests.Integration;

/// <summary>Twenty objects of mixed kinds in namespace "shop": a Namespace, a CRD and a resource of it, config, workloads, RBAC.</summary>
internal static class MixedApp
{
    public const string Namespace = "shop";

    public static IReadOnlyList<RenderedObject> Objects()
    {
        var objects = new List<RenderedObject>
        {
            Rendered.From("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}}""", "apps/namespace.yaml"),
            Rendered.From("""
                {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"widgets.example.com"},
                 "spec":{"group":"example.com","scope":"Namespaced","names":{"plural":"widgets","singular":"widget","kind":"Widget"},
                 "versions":[{"name":"v1","served":true,"storage":true,
                   "schema":{"openAPIV3Schema":{"type":"object","properties":{"spec":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}]}}
                """, "apps/crd.yaml"),
            Rendered.From("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"gear","namespace":"shop"},"spec":{"size":3}}""", "apps/widget.yaml"),
            Rendered.From("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"db","namespace":"shop"},"stringData":{"password":"hunter2"}}""", "apps/secret.yaml"),
            Rendered.From("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"api-key","namespace":"shop"},"data":{"key":"c2VjcmV0"}}""", "apps/secret.yaml", 8),
            Rendered.Deployment(Namespace, "web", "nginx:1.27", "web", line: 3),
            Rendered.Deployment(Namespace, "worker", "busybox:1.36", "worker", line: 30),
            Rendered.From("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"shop"},"spec":{"selector":{"app":"web"},"ports":[{"port":80}]}}""", "apps/service.yaml"),
            Rendered.From("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"worker","namespace":"shop"},"spec":{"selector":{"app":"worker"},"ports":[{"port":8080}]}}""", "apps/service.yaml", 12),
            Rendered.From("""{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"shop","namespace":"shop"}}""", "apps/rbac.yaml"),
            Rendered.From("""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"reader","namespace":"shop"},"rules":[{"apiGroups":[""],"resources":["configmaps"],"verbs":["get","list"]}]}""", "apps/rbac.yaml", 6),
            Rendered.From("""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"reader","namespace":"shop"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"reader"},"subjects":[{"kind":"ServiceAccount","name":"shop","namespace":"shop"}]}""", "apps/rbac.yaml", 15),
            Rendered.From("""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"shop-widgets"},"rules":[{"apiGroups":["example.com"],"resources":["widgets"],"verbs":["get"]}]}""", "apps/rbac.yaml", 25),
            Rendered.From("""{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"shop-widgets"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"shop-widgets"},"subjects":[{"kind":"ServiceAccount","name":"shop","namespace":"shop"}]}""", "apps/rbac.yaml", 34),
        };
        objects.AddRange(Enumerable.Range(1, 6).Select(i => Rendered.ConfigMap(Namespace, $"settings-{i}", $"value-{i}", line: i * 6)));
        return objects;
    }
}
