using System.Globalization;
using System.Text.Json.Nodes;
using GitOpsOperator.Cli.Arguments;
using GitOpsOperator.Cli.Cluster;
using GitOpsOperator.Controllers.GitRepositories;

namespace GitOpsOperator.Cli.Commands;

/// <summary><c>suspend|resume KIND NAME</c>: sets spec.suspend on any of the operator's kinds; resume also asks it to act now.</summary>
public sealed class SuspendCommand(bool suspend) : ICliCommand
{
    public string Name => suspend ? "suspend" : "resume";

    public string Summary => suspend ? "Stop applying changes to an object (spec.suspend: true)" : "Apply changes again (spec.suspend: false), starting now";

    public string Synopsis => $"{Name} KIND NAME";

    public string Description => $"""
        KIND is one of gitsync, gitrepository, imagerepository, imagepolicy, imageupdateautomation (plural and short
        names work too: gsync, gitrepo, imagerepo, imgpol, imgauto).

        Example:
          kubectl gitops {Name} gitsync demo -n gitops-system
        """;

    public IReadOnlyList<Flag> Flags => [];

    public bool UsesCluster => true;

    public async Task<int> RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var kind = GitOpsKind.Require(invocation.Positional(0, "kind"), GitOpsKind.All);
        var name = invocation.Positional(1, "name");
        invocation.AtMost(2);
        var ns = invocation.Cluster.Namespace;
        var path = kind.Type.ObjectPath(ns, name);
        await invocation.Cluster.GetAsync(path, kind.Describe(ns, name), cancellationToken).ConfigureAwait(false);
        var patch = new JsonObject { ["spec"] = new JsonObject { ["suspend"] = suspend } };
        if (!suspend)
        {
            var now = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);
            patch["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [ReconcileTriggers.RequestedAtAnnotation] = now } };
        }

        await invocation.Cluster.MergePatchAsync(path, patch, cancellationToken).ConfigureAwait(false);
        await invocation.Terminal.Out.WriteLineAsync($"{kind.Resource}/{name} {(suspend ? "suspended" : "resumed")}").ConfigureAwait(false);
        return ExitCodes.Done;
    }
}
