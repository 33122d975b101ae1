using System.Text.Json.Nodes;
using KubeEmulator.Json;

namespace KubeEmulator.Security.Rbac;

/// <summary>The binding a rule came from, described as the real authorizer's "allowed by" reason describes it.</summary>
internal sealed record RuleSource(JsonObject Binding, JsonObject Subject)
{
    public string Describe()
    {
        var ns = Binding.Namespace();
        var binding = ns is null ? $"ClusterRoleBinding \"{Binding.Name()}\"" : $"RoleBinding \"{Binding.Name()}/{ns}\"";
        var roleKind = Binding.StringAt("roleRef", "kind");
        var roleName = Binding.StringAt("roleRef", "name");
        return $"{binding} of {roleKind} \"{roleName}\" to {DescribeSubject(ns ?? "")}";
    }

    private string DescribeSubject(string bindingNamespace)
    {
        var kind = Subject.StringAt("kind");
        var name = Subject.StringAt("name");
        if (kind != "ServiceAccount")
        {
            return $"{kind} \"{name}\"";
        }

        var ns = Subject.StringAt("namespace") is { Length: > 0 } own ? own : bindingNamespace;
        return $"{kind} \"{name}/{ns}\"";
    }
}
