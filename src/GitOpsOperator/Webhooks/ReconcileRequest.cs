using System.Globalization;
using System.Net;
using GitOpsOperator.Api;
using GitOpsOperator.Controllers.GitRepositories;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace GitOpsOperator.Webhooks;

/// <summary>
/// Asks whichever replica leads to act on one of the operator's objects now: a merge patch of its requestedAt
/// annotation, the one way every webhook requests a reconcile.
/// </summary>
internal static class ReconcileRequest
{
    private const string RequestedAtFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>A new requestedAt value: the current time, to the tick, so two requests never share one.</summary>
    public static string NewValue(TimeProvider time) => time.GetUtcNow().UtcDateTime.ToString(RequestedAtFormat, CultureInfo.InvariantCulture);

    /// <summary>Sets the annotation; false when the object does not exist (any more).</summary>
    public static async Task<bool> PatchAsync(IKubernetes client, string plural, string namespaceName, string name, string requestedAt, CancellationToken cancellationToken)
    {
        var annotations = new Dictionary<string, string> { [ReconcileTriggers.RequestedAtAnnotation] = requestedAt };
        var patch = new V1Patch(KubernetesJson.Serialize(new { metadata = new { annotations } }), V1Patch.PatchType.MergePatch);
        try
        {
            await client.CustomObjects.PatchNamespacedCustomObjectAsync(
                patch, GitOpsApi.Group, GitOpsApi.Version, namespaceName, plural, name,
                fieldManager: GitOpsApi.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
