using System.Text;
using GitOpsOperator.Tests.EndToEnd;

namespace GitOpsOperator.Tests.Faults;

/// <summary>ConfigMaps in the operator's namespace, as git files, and the ones a GitSync manages as the cluster shows them.</summary>
internal static class ConfigMaps
{
    public const string Path = "apps/flaky";

    public static string Yaml(string name, string value) => $$"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{name}}
          namespace: {{GitOpsCluster.Namespace}}
        data:
          value: "{{value}}"
        """;

    /// <summary>One file per ConfigMap, named after it.</summary>
    public static (string Path, string? Content) File(string name, string value) => ($"{Path}/{name}.yaml", Yaml(name, value));

    /// <summary>Many ConfigMaps cm-0000… in one multi-document file.</summary>
    public static (string Path, string? Content) Many(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append("---\n").Append(Yaml($"cm-{i:0000}", $"v{i}")).Append('\n');
        }

        return ($"{Path}/many.yaml", text.ToString());
    }

    /// <summary>Name → data.value of every ConfigMap labelled as owned by the GitSync.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> OwnedAsync(Func<string[], Task<string>> kubectl, string gitSync)
    {
        var lines = await kubectl([
            "get", "configmaps", "-n", GitOpsCluster.Namespace, "-l", $"gitops.operator.io/name={gitSync}",
            "-o", "jsonpath={range .items[*]}{.metadata.name}={.data.value}{\"\\n\"}{end}"]);
        return lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
    }
}
