using GitOpsOperator.Cli.Arguments;
using GitOpsOperator.Cli.Cluster;
using GitOpsOperator.Cli.Diff;
using GitOpsOperator.Cli.Output;

namespace GitOpsOperator.Cli.Commands;

/// <summary><c>build gitsync NAME --path DIR</c>: the objects the operator would apply, labelled, as YAML.</summary>
public sealed class BuildCommand : ICliCommand
{
    public string Name => "build";

    public string Summary => "Print the objects a GitSync would apply from a local checkout, as YAML";

    public string Synopsis => "build gitsync NAME --path DIR [-o yaml|json]";

    public string Description => """
        Renders DIR (a local checkout of the GitSync's path: plain YAML, a kustomization or a Helm chart) exactly as the
        operator renders a commit, with the GitSync's targetNamespace and owner labels. A chart renders as the release
        the GitSync's spec.helm describes (valuesFrom read as your kubeconfig's identity, capabilities from the
        cluster); its hooks are left out. The output feeds kubectl:
          kubectl gitops build gitsync demo -n gitops-system --path ./apps/demo | kubectl apply --dry-run=client -f -
        """;

    public IReadOnlyList<Flag> Flags => [Flag.Path, Flag.Output];

    public bool UsesCluster => true;

    public async Task<int> RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var output = ObjectOutput.From(invocation.Args) ?? new ObjectOutput("yaml");
        var path = invocation.Args.Value(Flag.Path) ?? throw CliException.Usage("--path DIR is required");
        var sync = await GitSyncLookup.FromArgumentsAsync(invocation, cancellationToken).ConfigureAwait(false);
        var objects = (await LocalRender.RenderAsync(invocation.Cluster, sync, path, cancellationToken).ConfigureAwait(false)).Objects;
        var writer = invocation.Terminal.Out;
        if (output.Format == "json")
        {
            output.Write(writer, ObjectOutput.List(objects.Select(o => o.Body)));
            return ExitCodes.Done;
        }

        for (var i = 0; i < objects.Count; i++)
        {
            await writer.WriteAsync((i == 0 ? "" : "---\n") + JsonYaml.Write(objects[i].Body)).ConfigureAwait(false);
        }

        return ExitCodes.Done;
    }
}
