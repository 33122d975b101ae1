namespace GitOpsOperator.Sandbox;

/// <summary>What the sandbox prints once its GitSync is Ready: where things are and the three things to try.</summary>
public static class Instructions
{
    public static string Render(SandboxLayout layout, string clusterUrl, string repositoryUrl, Uri operatorAddress, string? revision)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(operatorAddress);
        var kubeconfig = layout.Display(layout.Kubeconfig);
        var clone = layout.Display(layout.WorkingClone);
        var endpoints = operatorAddress.GetLeftPart(UriPartial.Authority);
        return $"""

            ==> The GitOps sandbox is running; GitSync {SandboxObjects.Namespace}/{SandboxObjects.SyncName} is Ready at {revision ?? "its first revision"}.
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

            Ctrl-C stops the sandbox. Running it again keeps {clone} and its history; the cluster starts fresh.

            """;
    }
}
