using System.Globalization;
using System.Text;

namespace GitOpsOperator.Manifests.Bench;

/// <summary>
/// A config repo on disk: <c>plain/</c> holds the files as YAML; <c>kustomized/</c> the first
/// <c>kustomizedFiles</c> of them plus a kustomization.yaml listing them (kustomize slows down steeply with size).
/// </summary>
internal sealed class GeneratedTree : IDisposable
{
    public GeneratedTree(int files, int objectsPerFile, int kustomizedFiles)
    {
        Root = Directory.CreateTempSubdirectory("manifests-bench-").FullName;
        var kustomization = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
        for (var file = 0; file < files; file++)
        {
            var name = $"app-{file:D3}.yaml";
            var content = string.Join("---\n", Enumerable.Range(0, objectsPerFile).Select(index => Document(file, index)));
            Write(Path.Combine("plain", $"team-{file % 10}", name), content);
            if (file < kustomizedFiles)
            {
                Write(Path.Combine("kustomized", name), content);
                kustomization.Append("  - ").Append(name).Append('\n');
            }

            Bytes += Encoding.UTF8.GetByteCount(content);
        }

        Write(Path.Combine("kustomized", "kustomization.yaml"), kustomization.ToString());
        Objects = files * objectsPerFile;
        KustomizedObjects = kustomizedFiles * objectsPerFile;
    }

    public string Root { get; }

    public int Objects { get; }

    public int KustomizedObjects { get; }

    public long Bytes { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static string Document(int file, int index)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"app-{file}-{index}");
        return (index % 3) switch
        {
            0 => $"""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {name}
                  labels: {"{"}app: {name}, tier: web{"}"}
                spec:
                  replicas: {index % 5 + 1}
                  selector:
                    matchLabels: {"{"}app: {name}{"}"}
                  template:
                    metadata:
                      labels: {"{"}app: {name}{"}"}
                    spec:
                      containers:
                        - name: main
                          image: registry.example.com/{name}:1.{index}.0
                          ports: [{"{"}containerPort: 8080{"}"}]
                          env:
                            - {"{"}name: DEBUG, value: "false"{"}"}
                          resources:
                            requests: {"{"}cpu: 100m, memory: 64Mi{"}"}

                """,
            1 => $"""
                apiVersion: v1
                kind: Service
                metadata:
                  name: {name}
                spec:
                  selector: {"{"}app: {name}{"}"}
                  ports:
                    - port: 80
                      targetPort: 0x1F90

                """,
            _ => $"""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {name}
                data:
                  enabled: "yes"
                  mode: '0755'
                  script: |
                    #!/bin/sh
                    echo {name}

                """,
        };
    }
}
