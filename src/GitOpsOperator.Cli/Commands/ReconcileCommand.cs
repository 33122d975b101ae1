using System.Globalization;
using System.Text.Json.Nodes;
using GitOpsOperator.Api;
using GitOpsOperator.Cli.Arguments;
using GitOpsOperator.Cli.Cluster;
using GitOpsOperator.Cli.Output;
using GitOpsOperator.Conditions;
using GitOpsOperator.Controllers.GitRepositories;

namespace GitOpsOperator.Cli.Commands;

/// <summary>
/// <c>reconcile gitsync|gitrepository NAME</c>: sets the requestedAt annotation, then waits until the object echoes it
/// in status.lastHandledReconcileAt and is Ready at the revision it attempted; a suspended object is refused.
/// </summary>
public sealed class ReconcileCommand : ICliCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public string Name => "reconcile";

    public string Summary => "Ask a GitSync or GitRepository to act now, and wait until it has";

    public string Synopsis => "reconcile gitsync|gitrepository NAME [--with-source] [--timeout 5m]";

    public string Description => """
        Sets the gitops.operator.io/requestedAt annotation and waits until the operator has handled it and the object
        is Ready at the revision it attempted. --with-source first does the same for the GitSync's GitRepository,
        so a commit just pushed is fetched and applied. Exit 1 when it fails, times out or is suspended.

        Examples:
          kubectl gitops reconcile gitsync demo -n gitops-system --with-source
          kubectl gitops reconcile gitrepository config --timeout 90s
        """;

    public IReadOnlyList<Flag> Flags => [Flag.WithSource, Flag.Timeout];

    public bool UsesCluster => true;

    public async Task<int> RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var kind = GitOpsKind.Require(invocation.Positional(0, "kind (gitsync or gitrepository)"), [GitOpsKind.GitSync, GitOpsKind.GitRepository]);
        var name = invocation.Positional(1, "name");
        invocation.AtMost(2);
        var timeout = Timeout(invocation.Args.Value(Flag.Timeout));
        var ns = invocation.Cluster.Namespace;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        if (invocation.Args.Has(Flag.WithSource))
        {
            if (kind != GitOpsKind.GitSync)
            {
                throw CliException.Usage("--with-source applies to a gitsync");
            }

            var sync = await invocation.Cluster.GetAsync(kind.Type.ObjectPath(ns, name), kind.Describe(ns, name), cancellationToken).ConfigureAwait(false);
            var sourceNs = Fields.Text(sync, "spec", "sourceRef", "namespace") is { Length: > 0 } given ? given : ns;
            await ReconcileAsync(invocation, GitOpsKind.GitRepository, sourceNs, Fields.Text(sync, "spec", "sourceRef", "name"), timeout, deadline.Token, cancellationToken).ConfigureAwait(false);
        }

        await ReconcileAsync(invocation, kind, ns, name, timeout, deadline.Token, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Done;
    }

    private static TimeSpan Timeout(string? text) =>
        text is null ? DefaultTimeout
        : Duration.TryParse(text, out var timeout) && timeout > TimeSpan.Zero ? timeout
        : throw CliException.Usage($"--timeout takes a duration such as 90s or 5m, not \"{text}\"");

    private static async Task ReconcileAsync(
        Invocation invocation, GitOpsKind kind, string ns, string name, TimeSpan timeout, CancellationToken deadline, CancellationToken cancellationToken)
    {
        var (cluster, output) = (invocation.Cluster, invocation.Terminal.Out);
        var path = kind.Type.ObjectPath(ns, name);
        var what = kind.Describe(ns, name);
        var current = await cluster.GetAsync(path, what, cancellationToken).ConfigureAwait(false);
        if (current["spec"]?["suspend"]?.GetValue<bool>() == true)
        {
            throw CliException.Failed(Reasons.Suspended, $"{what} is suspended (spec.suspend: true); resume it first: kubectl gitops resume {kind.Singular} {name} -n {ns}");
        }

        var requestedAt = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [ReconcileTriggers.RequestedAtAnnotation] = requestedAt } } };
        await cluster.MergePatchAsync(path, patch, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"► asked {what} to reconcile (requestedAt {requestedAt})").ConfigureAwait(false);

        var handled = await WaitHandledAsync(cluster, kind, path, what, requestedAt, timeout, deadline, cancellationToken).ConfigureAwait(false);
        var ready = Fields.Condition(handled, ConditionTypes.Ready);
        var revision = kind == GitOpsKind.GitSync ? Fields.Text(handled, "status", "lastAppliedRevision") : Fields.Text(handled, "status", "artifact", "revision");
        await output.WriteLineAsync(invocation.Terminal.Good($"✔ {what} is Ready at {revision}: {Fields.Text(ready, "message")}")).ConfigureAwait(false);
    }

    /// <summary>The object once it echoed the request and is Ready at what it attempted; Ready=False after the echo fails the command.</summary>
    private static async Task<JsonObject> WaitHandledAsync(
        ClusterSession cluster, GitOpsKind kind, string path, string what, string requestedAt, TimeSpan timeout, CancellationToken deadline, CancellationToken cancellationToken)
    {
        var last = new JsonObject();
        try
        {
            while (true)
            {
                last = await cluster.GetAsync(path, what, deadline).ConfigureAwait(false);
                if (Fields.Text(last, "status", "lastHandledReconcileAt") == requestedAt)
                {
                    var ready = Fields.Condition(last, ConditionTypes.Ready);
                    switch (Fields.Text(ready, "status"))
                    {
                        case Condition.True when kind != GitOpsKind.GitSync || Fields.Text(last, "status", "lastAppliedRevision") == Fields.Text(last, "status", "lastAttemptedRevision"):
                            return last;
                        case Condition.False:
                            throw CliException.Failed(Fields.Text(ready, "reason"), $"{what}: {Fields.Text(ready, "message")}");
                    }
                }

                await Task.Delay(PollInterval, deadline).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var ready = Fields.Condition(last, ConditionTypes.Ready);
            throw CliException.Failed("Timeout",
                $"{what} was not Ready within {timeout} (Ready={Fields.Text(ready, "status")} {Fields.Text(ready, "reason")}: {Fields.Text(ready, "message")})");
        }
    }
}
