using System.Reflection;
using System.Text.Json.Nodes;
using GitOpsOperator.Cli.Arguments;
using GitOpsOperator.Cli.Output;

namespace GitOpsOperator.Cli.Commands;

/// <summary><c>version</c>: this tool's version, and the operator's when its Deployment is found in the cluster.</summary>
public sealed class VersionCommand : ICliCommand
{
    public const string OperatorSelector = "app.kubernetes.io/name=gitops-operator";
    public const string VersionAnnotation = "gitops.operator.io/version";

    public string Name => "version";

    public string Summary => "Print the version of kubectl gitops and of the operator in the cluster";

    public string Synopsis => "version";

    public string Description => $"""
        The operator is the Deployment labelled {OperatorSelector} (as the Helm chart and install.yaml label it);
        its version is its app.kubernetes.io/version label, a {VersionAnnotation} annotation, or its image tag.
        """;

    public IReadOnlyList<Flag> Flags => [];

    public bool UsesCluster => true;

    public static string ClientVersion
    {
        get
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }

    public async Task<int> RunAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        invocation.AtMost(0);
        var output = invocation.Terminal.Out;
        await output.WriteLineAsync($"kubectl-gitops: {ClientVersion}").ConfigureAwait(false);
        string found;
        try
        {
            found = await OperatorVersionAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException error)
        {
            found = $"unknown ({error.Reason}: {error.Message})";
        }

        await output.WriteLineAsync($"operator: {found}").ConfigureAwait(false);
        return ExitCodes.Done;
    }

    private static async Task<string> OperatorVersionAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var list = await invocation.Cluster.GetAsync(
            $"apis/apps/v1/deployments?labelSelector={Uri.EscapeDataString(OperatorSelector)}", "Deployments", cancellationToken).ConfigureAwait(false);
        var versions = (list["items"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(d => $"{Of(d)} (Deployment {Fields.Text(d, "metadata", "namespace")}/{Fields.Text(d, "metadata", "name")})")
            .ToList();
        return versions.Count == 0 ? "not found in the cluster" : string.Join(", ", versions);
    }

    private static string Of(JsonObject deployment)
    {
        var labels = Fields.Text(deployment, "metadata", "labels", "app.kubernetes.io/version");
        var annotation = Fields.Text(deployment, "metadata", "annotations", VersionAnnotation);
        var image = Fields.Text(deployment["spec"]?["template"]?["spec"]?["containers"]?[0], "image");
        var tag = image.LastIndexOf(':') is var colon && colon > image.LastIndexOf('/') ? image[(colon + 1)..] : "";
        return new[] { labels, annotation, tag }.FirstOrDefault(v => v.Length > 0) ?? "unknown";
    }
}
