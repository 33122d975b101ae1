using System.Text.Json.Nodes;
using GitOpsOperator.Cli.Arguments;
using GitOpsOperator.Hosting;
using GitOpsOperator.Sync.Api;
using k8s;
using k8s.Exceptions;

namespace GitOpsOperator.Cli.Cluster;

/// <summary>
/// The cluster as the kubeconfig (and --context, -n) describe it, with every request's failure turned into the
/// command's error: no answer is ClusterUnreachable (2), 404 NotFound (2), 401/403 AccessDenied (1), else ApiError (1).
/// </summary>
public sealed class ClusterSession : IDisposable
{
    private ClusterSession(Kubernetes client, string defaultNamespace)
    {
        Client = client;
        Api = new KubeApi(client);
        Namespace = defaultNamespace;
    }

    public Kubernetes Client { get; }

    public KubeApi Api { get; }

    /// <summary>-n, else the context's namespace, else "default".</summary>
    public string Namespace { get; }

    public static ClusterSession Open(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        KubernetesConnection connection;
        try
        {
            connection = KubernetesConnection.Resolve(args.Value(Flag.Kubeconfig), args.Value(Flag.Context));
        }
        catch (KubeConfigException e)
        {
            throw new CliException("InvalidKubeconfig", e.Message, ExitCodes.Usage);
        }

        var configuration = connection.Configuration;
        var ns = args.Value(Flag.Namespace) ?? (string.IsNullOrEmpty(configuration.Namespace) ? "default" : configuration.Namespace);
        return new ClusterSession(new Kubernetes(configuration), ns);
    }

    /// <summary>The object or list at the path; <paramref name="what"/> names it in a NotFound error.</summary>
    public async Task<JsonObject> GetAsync(string path, string what, CancellationToken cancellationToken) =>
        await FindAsync(path, cancellationToken).ConfigureAwait(false) ?? throw CliException.NotFound($"{what} not found");

    /// <summary>The object at the path, or null when the server has none.</summary>
    public async Task<JsonObject?> FindAsync(string path, CancellationToken cancellationToken)
    {
        var result = await Api.SendAsync(HttpMethod.Get, path, null, null, cancellationToken).ConfigureAwait(false);
        return result.IsNotFound ? null : Checked(result);
    }

    /// <summary>A JSON merge patch of the object at the path; returns the patched object.</summary>
    public async Task<JsonObject> MergePatchAsync(string path, JsonObject patch, CancellationToken cancellationToken) =>
        Checked(await Api.SendAsync(HttpMethod.Patch, path, patch, "application/merge-patch+json", cancellationToken).ConfigureAwait(false));

    public void Dispose() => Client.Dispose();

    /// <summary>The answer's body, or the error that stops the command.</summary>
    public static JsonObject Checked(ApiResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result switch
        {
            { IsSuccess: true, Body: { } body } => body,
            { StatusCode: 0 } => throw CliException.Unreachable(result.Message),
            { IsNotFound: true } => throw CliException.NotFound(result.Message),
            { StatusCode: 401 or 403 } => throw CliException.Failed("AccessDenied", result.Message),
            _ => throw CliException.Failed("ApiError", $"{result.StatusCode}: {result.Message}"),
        };
    }
}
