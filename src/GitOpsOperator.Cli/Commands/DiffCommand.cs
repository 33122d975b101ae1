using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsOperator.Cli.Arguments;
using GitOpsOperator.Cli.Cluster;
using GitOpsOperator.Cli.Diff;
using GitOpsOperator.Manifests.Helm;

namespace GitOpsOperator.Cli.Commands;

/// <summary><c>diff gitsync NAME --path DIR</c>: what the operator would create, change and prune if DIR were pushed.</summary>
public sealed class DiffCommand : ICliCommand
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => "diff";

    public string Summary => "Show what a local checkout would change in the cluster if pushed";

    public string Synopsis => "diff gitsync NAME --path DIR";

    public string Description => """
        Renders DIR (a local checkout of the GitSync's path) exactly as the operator would, server dry-runs every
        object as your kubeconfig's identity, and lists created (+), changed (~) and pruned (-) objects with the
        fields that differ. Secret values are masked, and so are the values a chart reads from Secrets. Exit 0 when
        nothing would change, 1 when something would, 2 when the path cannot be rendered.

        Example:
          kubectl gitops diff gitsync demo -n gitops-system --path ./apps/demo
        """;

    public IReadOnlyList<Flag> Flags => [Flag.Path];

    public bool UsesCluster => true;

    public async Task<int> RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var path = invocation.Args.Value(Flag.Path) ?? throw CliException.Usage("--path DIR is required");
        var sync = await GitSyncLookup.FromArgumentsAsync(invocation, cancellationToken).ConfigureAwait(false);
        var rendering = await LocalRender.RenderAsync(invocation.Cluster, sync, path, cancellationToken).ConfigureAwait(false);
        var (changes, failures) = await new DiffPlanner(invocation.Cluster).PlanAsync(sync, rendering.Objects, cancellationToken).ConfigureAwait(false);
        var terminal = invocation.Terminal;
        foreach (var change in changes.Where(c => c.Kind is not ChangeKind.Unchanged))
        {
            await WriteAsync(terminal, change, rendering.Secrets).ConfigureAwait(false);
        }

        var counts = Enum.GetValues<ChangeKind>()
            .Select(kind => (Kind: kind, Count: changes.Count(c => c.Kind == kind)))
            .Where(c => c.Count > 0)
            .Select(c => $"{c.Count} {c.Kind.ToString().ToLowerInvariant()}");
        await terminal.Out.WriteLineAsync(
            $"GitSync {sync.Namespace}/{sync.Name}: {(changes.Count == 0 ? "no objects" : string.Join(", ", counts))}").ConfigureAwait(false);
        if (failures.Count > 0)
        {
            throw CliException.Failed("ValidationFailed", rendering.Secrets.Scrub(string.Join("; ", failures)));
        }

        return changes.Any(c => c.Kind is ChangeKind.Created or ChangeKind.Changed or ChangeKind.Pruned) ? ExitCodes.Failed : ExitCodes.Done;
    }

    private static async Task WriteAsync(Terminal terminal, ObjectChange change, SecretScrubber secrets)
    {
        var (mark, verb) = change.Kind switch
        {
            ChangeKind.Created => ("+", "created"),
            ChangeKind.Changed => ("~", "changed"),
            ChangeKind.Pruned => ("-", "pruned"),
            _ => ("=", "skipped"),
        };
        var from = change.Source is null ? "" : $" ({change.Source})";
        var note = change.Note is null ? "" : $": {change.Note}";
        var header = secrets.Scrub($"{mark} {verb} {change.Identity}{from}{note}");
        await terminal.Out.WriteLineAsync(change.Kind == ChangeKind.Pruned ? terminal.Bad(header) : terminal.Good(header)).ConfigureAwait(false);
        foreach (var field in change.Fields)
        {
            var hide = SecretMask.Hides(change.Identity.Group, change.Identity.Kind, field.Path);
            await terminal.Out.WriteLineAsync(secrets.Scrub($"    {field.Path}: {Value(field.Before, hide)} -> {Value(field.After, hide)}")).ConfigureAwait(false);
        }
    }

    private static string Value(JsonNode? value, bool hide) =>
        value is null ? "(none)" : hide ? SecretMask.Masked : value.ToJsonString(Readable);
}
