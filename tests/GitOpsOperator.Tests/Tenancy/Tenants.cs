using GitOpsOperator.Tests.LeastPrivilege;

namespace GitOpsOperator.Tests.Tenancy;

/// <summary>What a platform team sets up per tenant: a namespace, a ServiceAccount and a Role bound to it there only.</summary>
internal static class Tenants
{
    public const string Deployer = "deployer";

    /// <summary>The chart's operator, as the API server names it.</summary>
    public const string Operator = "system:serviceaccount:gitops-system:gitops-operator";

    public static string User(string ns) => $"system:serviceaccount:{ns}:{Deployer}";

    /// <summary>Lets the chart's operator impersonate (and look up) ServiceAccounts in every namespace: the chart value tenancy.impersonate.</summary>
    public static Task GrantImpersonationAsync(ChartRightsCluster fixture) =>
        fixture.UpgradeChartAsync("gitops-system", "tenancy.impersonate=true");

    /// <summary>The namespace, and (unless withoutAccount) the deployer ServiceAccount with these verbs on ConfigMaps there.</summary>
    public static Task CreateAsync(ChartRightsCluster fixture, string ns, string configMapVerbs = "get, list, watch, create, update, patch, delete", bool withoutAccount = false) =>
        fixture.ApplyAsync(withoutAccount ? Namespace(ns) : Namespace(ns) + $$"""
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: { name: {{Deployer}}, namespace: {{ns}} }
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: { name: {{Deployer}}, namespace: {{ns}} }
            rules:
            - apiGroups: [""]
              resources: [configmaps]
              verbs: [{{configMapVerbs}}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: { name: {{Deployer}}, namespace: {{ns}} }
            roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: {{Deployer}} }
            subjects:
            - { kind: ServiceAccount, name: {{Deployer}}, namespace: {{ns}} }
            """);

    public static string ConfigMap(string name, string ns, string value) =>
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: {ns}\ndata:\n  value: \"{value}\"\n";

    private static string Namespace(string ns) => $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {ns}\n";
}
