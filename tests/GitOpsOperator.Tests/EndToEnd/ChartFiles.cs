using GitOpsOperator.Testing;

namespace GitOpsOperator.Tests.EndToEnd;

/// <summary>Charts as files to commit: the one <c>helm create</c> makes, and small ones written out here.</summary>
internal static class ChartFiles
{
    /// <summary>Every file of <c>helm create &lt;name&gt;</c>, placed under <paramref name="path"/> in the repository.</summary>
    public static async Task<(string Path, string? Content)[]> StockAsync(string name, string path)
    {
        var scratch = Directory.CreateTempSubdirectory("stock-chart-");
        try
        {
            var created = await HelmRunner.RunAsync(["create", Path.Combine(scratch.FullName, name)]);
            Assert.True(created.Succeeded, created.ToString());
            var chart = Path.Combine(scratch.FullName, name);
            return [.. Directory.EnumerateFiles(chart, "*", SearchOption.AllDirectories)
                .Select(file => ($"{path}/{Path.GetRelativePath(chart, file)}", (string?)File.ReadAllText(file)))];
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    public static (string Path, string? Content) ChartYaml(string path, string name, string dependencies = "") =>
        ($"{path}/Chart.yaml", $"apiVersion: v2\nname: {name}\nversion: 0.1.0\n{dependencies}");

    /// <summary>A ConfigMap template whose data is the given values (<c>key: {{ .Values.key }}</c>), with extra metadata lines.</summary>
    public static string ConfigMap(string name, IEnumerable<string> keys, string annotations = "") =>
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n{annotations}data:\n"
        + string.Concat(keys.Select(key => $"  {key}: {{{{ .Values.{key} | quote }}}}\n"));

    /// <summary>Annotations making a template a hook of these phases with this weight.</summary>
    public static string Hook(string phases, int weight, string? deletePolicy = null) =>
        $"  annotations:\n    helm.sh/hook: {phases}\n    helm.sh/hook-weight: \"{weight}\"\n"
        + (deletePolicy is null ? "" : $"    helm.sh/hook-delete-policy: {deletePolicy}\n");
}
