namespace GitOpsOperator.Tests.Support;

/// <summary>The examples of API.md (with their comments' alternatives), as users write them.</summary>
internal static class ApiExamples
{
    public const string GitRepository = """
        apiVersion: gitops.operator.io/v1alpha1
        kind: GitRepository
        metadata: { name: config, namespace: gitops-system }
        spec:
          url: https://git.example.com/org/config.git
          ref:
            branch: main
          interval: 1m
          timeout: 60s
          secretRef: { name: git-credentials }
          verify:
            mode: HEAD
            secretRef: { name: git-trusted-keys }
          webhookSecretRef: { name: git-webhook }
          suspend: false
        """;

    public const string MinimalGitRepository = """
        apiVersion: gitops.operator.io/v1alpha1
        kind: GitRepository
        metadata: { name: minimal, namespace: gitops-system }
        spec:
          url: ssh://git@git.example.com/org/config.git
        """;

    public const string GitSync = """
        apiVersion: gitops.operator.io/v1alpha1
        kind: GitSync
        metadata: { name: podinfo, namespace: gitops-system }
        spec:
          sourceRef: { kind: GitRepository, name: config }
          path: ./apps/podinfo
          interval: 10m
          retryInterval: 30s
          prune: false
          wait: false
          timeout: 5m
          targetNamespace: podinfo
          dependsOn: [ { name: infra } ]
          force: false
          allowEmpty: false
          suspend: false
        """;

    public const string MinimalGitSync = """
        apiVersion: gitops.operator.io/v1alpha1
        kind: GitSync
        metadata: { name: minimal, namespace: gitops-system }
        spec:
          sourceRef: { kind: GitRepository, name: config }
        """;

    /// <summary>A GitRepository with the given spec lines (each indented two spaces).</summary>
    public static string GitRepositoryWith(string name, string spec) => $"""
        apiVersion: gitops.operator.io/v1alpha1
        kind: GitRepository
        metadata:
          name: {name}
          namespace: gitops-system
        spec:
        {spec}
        """;

    /// <summary>A GitSync with the given spec lines (each indented two spaces).</summary>
    public static string GitSyncWith(string name, string spec) => $"""
        apiVersion: gitops.operator.io/v1alpha1
        kind: GitSync
        metadata:
          name: {name}
          namespace: gitops-system
        spec:
        {spec}
        """;
}
