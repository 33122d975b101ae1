using GitOpsOperator.Api;
using GitOpsOperator.Conditions;

namespace GitOpsOperator.Sandbox;

/// <summary>What the sandbox prints once its GitSync has settled: its state, where things are and the things to try.</summary>
public static class Instructions
{
    public static string Render(SandboxLayout layout, string clusterUrl, string repositoryUrl, Uri operatorAddress, GitSync sync, string? image)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(operatorAddress);
        var kubeconfig = layout.Display(layout.Kubeconfig);
        var clone = layout.Display(layout.WorkingClone);
        var endpoints = operatorAddress.GetLeftPart(UriPartial.Authority);
        return $"""

            ==> The GitOps sandbox is running; {State(sync, clone)}
                Kubernetes API (emulated): {clusterUrl}  (kubeconfig: {kubeconfig})
                Config repository:         {repositoryUrl}  (your clone: {clone})
                Operator:                  {endpoints}/healthz /readyz /metrics /hooks/...

            Try:
              1. See what the operator did:
                   kubectl --kubeconfig {kubeconfig} get gitsyncs,gitrepositories -A
              2. Change the app: edit a file (e.g. {SampleApp.ConfigMapFile}), commit and push; it is live in about a second:
                   cd {clone} && git commit -am "Change the greeting" && git push
              3. Roll it back:
                   git revert HEAD && git push
              4. Ask with kubectl gitops (to put it on PATH, once, from the repository root:
                   dotnet pack src/GitOpsOperator.Cli -o .sandbox/tool && dotnet tool install --global --add-source .sandbox/tool GitOpsOperator.Cli)
                   export KUBECONFIG=$PWD/{kubeconfig}
                   kubectl gitops get -A
                   kubectl gitops reconcile gitsync {SandboxObjects.SyncName} -n {SandboxObjects.Namespace} --with-source
                   kubectl gitops diff gitsync {SandboxObjects.SyncName} -n {SandboxObjects.Namespace} --path {clone}/{SampleApp.Path}
                   kubectl gitops trace deployment demo -n {SampleApp.Namespace}
            {ImageDemo.Try(layout, image)}

            Ctrl-C stops the sandbox. Running it again keeps {clone} and its history; the cluster starts fresh.

            """;
    }

    private static string State(GitSync sync, string clone)
    {
        var name = $"GitSync {SandboxObjects.Namespace}/{SandboxObjects.SyncName}";
        var ready = GitSyncReadiness.Ready(sync);
        return ready?.Status == Condition.True
            ? $"{name} is Ready at {sync.Status?.LastAppliedRevision}."
            : $"""
                {name} is NOT Ready ({ready?.Reason}): {ready?.Message}
                    Fix it in {clone}, commit and push (or git revert HEAD && git push).
                """;
    }
}
