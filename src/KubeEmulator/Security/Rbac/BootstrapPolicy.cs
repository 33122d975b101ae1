using System.Reflection;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeEmulator.Hosting;
using KubeEmulator.Json;

namespace KubeEmulator.Security.Rbac;

/// <summary>
/// The ClusterRoles and ClusterRoleBindings a real server creates at start (bootstrap-policy.yaml), labelled and
/// annotated as the real ones. Aggregated roles start with their rules already gathered, as they are on a running
/// cluster; the aggregation controller keeps them so.
/// </summary>
internal static class BootstrapPolicy
{
    private const string ResourceName = "KubeEmulator.bootstrap-policy.yaml";

    private static readonly Lazy<IReadOnlyList<object>> Objects = new(Load);

    public static void Seed(ClusterState cluster)
    {
        var aggregated = Aggregated(Objects.Value.OfType<V1ClusterRole>());
        foreach (var item in Objects.Value)
        {
            var obj = item is V1ClusterRole role ? aggregated[role.Name()] : item;
            var json = JsonNode.Parse(KubernetesJson.Serialize(obj))!.AsObject();
            var metadata = json.Metadata();
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = KubeJson.Timestamp(cluster.Now);
            var storeKey = obj is V1ClusterRole ? RbacRuleResolver.ClusterRoles : RbacRuleResolver.ClusterRoleBindings;
            cluster.Store.Put(storeKey, json, null);
        }
    }

    /// <summary>Aggregates until nothing moves: admin gathers edit, which gathers view.</summary>
    private static Dictionary<string, V1ClusterRole> Aggregated(IEnumerable<V1ClusterRole> roles)
    {
        var byName = roles.ToDictionary(r => r.Name(), StringComparer.Ordinal);
        var moved = true;
        while (moved)
        {
            moved = false;
            foreach (var role in byName.Values.Where(ClusterRoleAggregation.IsAggregated).ToList())
            {
                var rules = ClusterRoleAggregation.RulesFor(role, byName.Values);
                if (!ClusterRoleAggregation.SameRules(rules, role.Rules))
                {
                    byName[role.Name()] = role with { Rules = rules };
                    moved = true;
                }
            }
        }

        return byName;
    }

    private static IReadOnlyList<object> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return [.. KubernetesYaml.LoadAllFromString(reader.ReadToEnd()).Select(Labelled)];
    }

    private static object Labelled(object item)
    {
        var metadata = ((IMetadata<V1ObjectMeta>)item).Metadata;
        metadata.Labels ??= new Dictionary<string, string>();
        metadata.Labels["kubernetes.io/bootstrapping"] = "rbac-defaults";
        metadata.Annotations = new Dictionary<string, string> { ["rbac.authorization.kubernetes.io/autoupdate"] = "true" };
        return item;
    }
}
