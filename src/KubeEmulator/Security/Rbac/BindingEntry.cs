using System.Text.Json.Nodes;
using KubeEmulator.Json;

namespace KubeEmulator.Security.Rbac;

/// <summary>A RoleBinding or ClusterRoleBinding read once: its roleRef and subjects as plain strings.</summary>
internal sealed record BindingEntry(JsonObject Binding, string RoleKind, string RoleName, IReadOnlyList<BindingSubject> Subjects)
{
    public static BindingEntry From(JsonObject binding)
    {
        var subjects = binding["subjects"] is JsonArray array
            ? array.OfType<JsonObject>().Select(s => new BindingSubject(s.StringAt("kind") ?? "", s.StringAt("name") ?? "", s.StringAt("namespace") ?? "", s)).ToList()
            : [];
        return new BindingEntry(binding, binding.StringAt("roleRef", "kind") ?? "", binding.StringAt("roleRef", "name") ?? "", subjects);
    }
}

/// <summary>One subject of a binding; <see cref="Source"/> is the subject as stored, for describing it.</summary>
internal sealed record BindingSubject(string Kind, string Name, string Namespace, JsonObject Source);
