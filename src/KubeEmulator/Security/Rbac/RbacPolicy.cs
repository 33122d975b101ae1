using System.Text.Json.Nodes;
using KubeEmulator.Json;
using KubeEmulator.Storage;

namespace KubeEmulator.Security.Rbac;

/// <summary>
/// One moment's RBAC objects, read once and indexed as the real authorizer's listers index them: roles by
/// namespace and name with their rules parsed, bindings by namespace with their roleRef and subjects read. Stored objects are never mutated, so the
/// snapshot can keep them.
/// </summary>
internal sealed class RbacPolicy
{
    private readonly Dictionary<string, IReadOnlyList<PolicyRule>> clusterRoles;
    private readonly Dictionary<string, IReadOnlyList<PolicyRule>> roles;
    private readonly Dictionary<string, List<BindingEntry>> roleBindings;

    private RbacPolicy(ObjectStore store)
    {
        clusterRoles = All(store, RbacRuleResolver.ClusterRoles).ToDictionary(r => r.Name(), PolicyRule.Of, StringComparer.Ordinal);
        roles = All(store, RbacRuleResolver.Roles).ToDictionary(r => ObjectStore.KeyOf(r.Namespace(), r.Name()), PolicyRule.Of, StringComparer.Ordinal);
        ClusterRoleBindings = [.. All(store, RbacRuleResolver.ClusterRoleBindings).Select(BindingEntry.From)];
        roleBindings = All(store, RbacRuleResolver.RoleBindings)
            .GroupBy(b => b.Namespace() ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(BindingEntry.From).ToList(), StringComparer.Ordinal);
    }

    public IReadOnlyList<BindingEntry> ClusterRoleBindings { get; }

    public IReadOnlyList<BindingEntry> RoleBindings(string ns) => roleBindings.GetValueOrDefault(ns) ?? [];

    /// <summary>The collections a snapshot is read from: when none of them moved, the snapshot still holds.</summary>
    public static IReadOnlyList<string> Collections { get; } =
        [RbacRuleResolver.ClusterRoles, RbacRuleResolver.Roles, RbacRuleResolver.ClusterRoleBindings, RbacRuleResolver.RoleBindings];

    public static RbacPolicy Read(ObjectStore store) => new(store);

    public IReadOnlyList<PolicyRule>? ClusterRole(string name) => clusterRoles.GetValueOrDefault(name);

    public IReadOnlyList<PolicyRule>? Role(string ns, string name) => roles.GetValueOrDefault(ObjectStore.KeyOf(ns, name));

    private static IReadOnlyList<JsonObject> All(ObjectStore store, string storeKey) => store.List(storeKey, null, _ => true, 0, null).Items;
}
