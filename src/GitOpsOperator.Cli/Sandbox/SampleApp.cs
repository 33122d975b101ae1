namespace GitOpsOperator.Sandbox;

/// <summary>The small app the sandbox's config repository starts with, under <see cref="Path"/>.</summary>
public static class SampleApp
{
    public const string Path = "apps/demo";

    public const string Namespace = "demo";

    public const string ConfigMapFile = Path + "/configmap.yaml";

    /// <summary>Each file's path in the repository and its content.</summary>
    public static IReadOnlyList<(string Path, string Content)> Files { get; } =
    [
        (Path + "/namespace.yaml", """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: demo

            """),
        (ConfigMapFile, """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: demo-config
              namespace: demo
            data:
              greeting: Hello from git
              color: blue

            """),
        (Path + "/deployment.yaml", $"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
              namespace: demo
              labels:
                app: demo
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: demo
              template:
                metadata:
                  labels:
                    app: demo
                spec:
                  containers:
                    - name: web
                      image: 127.0.0.1:{SandboxRegistry.PreferredPort}/{SandboxRegistry.Repository}:{SandboxRegistry.FirstTag} {ImageDemo.Marker}
                      ports:
                        - containerPort: 80
                      envFrom:
                        - configMapRef:
                            name: demo-config

            """),
        (Path + "/service.yaml", """
            apiVersion: v1
            kind: Service
            metadata:
              name: demo
              namespace: demo
            spec:
              selector:
                app: demo
              ports:
                - port: 80
                  targetPort: 80

            """),
        ("README.md", """
            # Sandbox config repository

            Everything under `apps/demo/` is applied to the sandbox cluster by the GitSync `gitops-system/demo`.
            Edit, `git commit -am …`, `git push`: the change is live in about a second. `git revert HEAD && git push` rolls it back.

            """),
    ];
}
