using System.Globalization;

namespace GitOpsOperator.Manifests.Bench;

/// <summary>
/// A large chart on disk, <c>chart/</c> in a repository: <c>templates</c> templates, each a ConfigMap and a Deployment
/// built from shared helpers and per-component values, as the charts of big platforms are written.
/// </summary>
internal sealed class GeneratedChart : IDisposable
{
    private const string Helpers = """
        {{- define "big.labels" -}}
        app.kubernetes.io/name: {{ .name }}
        app.kubernetes.io/instance: {{ .root.Release.Name }}
        helm.sh/chart: {{ .root.Chart.Name }}-{{ .root.Chart.Version }}
        {{- end }}

        """;

    public GeneratedChart(int templates)
    {
        Root = Directory.CreateTempSubdirectory("manifests-bench-chart-").FullName;
        Templates = templates;
        Write("Chart.yaml", "apiVersion: v2\nname: big\nversion: 1.0.0\n");
        Write("templates/_helpers.tpl", Helpers);
        var values = new System.Text.StringBuilder("components:\n");
        for (var index = 0; index < templates; index++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"component-{index:D3}");
            values.Append(CultureInfo.InvariantCulture, $"  c{index:D3}: {{ replicas: {1 + (index % 3)}, image: \"registry.example.com/{name}:1.{index}.0\", greeting: \"hello from {name}\" }}\n");
            Write($"templates/{name}.yaml", Template(name, index));
        }

        Write("values.yaml", values.ToString());
    }

    public string Root { get; }

    public int Templates { get; }

    /// <summary>Two objects per template.</summary>
    public int Objects => Templates * 2;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static string Template(string name, int index)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"c{index:D3}");
        return $$$"""
            {{- $c := .Values.components.{{{key}}} }}
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}-{{{name}}}
              labels:
                {{- include "big.labels" (dict "name" "{{{name}}}" "root" .) | nindent 4 }}
            data:
              greeting: {{ $c.greeting | quote }}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ .Release.Name }}-{{{name}}}
              labels:
                {{- include "big.labels" (dict "name" "{{{name}}}" "root" .) | nindent 4 }}
            spec:
              replicas: {{ $c.replicas }}
              selector:
                matchLabels:
                  app.kubernetes.io/name: {{{name}}}
              template:
                metadata:
                  labels:
                    {{- include "big.labels" (dict "name" "{{{name}}}" "root" .) | nindent 8 }}
                spec:
                  containers:
                    - name: main
                      image: {{ $c.image | quote }}
                      envFrom:
                        - configMapRef:
                            name: {{ .Release.Name }}-{{{name}}}

            """;
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(Root, "chart", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
