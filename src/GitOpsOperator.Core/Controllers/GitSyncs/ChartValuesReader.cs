using System.Net;
using System.Text;
using GitOpsOperator.Api;
using GitOpsOperator.Manifests.Helm;
using k8s;
using k8s.Autorest;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// Reads a chart GitSync's <c>spec.helm.valuesFrom</c>: one key of a Secret or ConfigMap in the GitSync's namespace.
/// A Secret's values are marked sensitive, so helm's messages about them are masked.
/// </summary>
public sealed class ChartValuesReader(IKubernetes client)
{
    /// <summary>The values document, or why it cannot be read (the object or key is missing), naming the reference.</summary>
    public async Task<(HelmValues? Values, string? Problem)> ReadAsync(string namespaceName, ValuesReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var origin = $"{reference.Kind} {namespaceName}/{reference.Name} key {reference.Key}";
        try
        {
            var content = reference.Kind == ValuesReference.SecretKind
                ? await SecretKeyAsync(namespaceName, reference, cancellationToken).ConfigureAwait(false)
                : await ConfigMapKeyAsync(namespaceName, reference, cancellationToken).ConfigureAwait(false);
            return content is null
                ? (null, $"spec.helm.valuesFrom: {reference.Kind} {namespaceName}/{reference.Name} has no key \"{reference.Key}\"")
                : (new HelmValues(origin, content, reference.Kind == ValuesReference.SecretKind), null);
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return (null, $"spec.helm.valuesFrom: {reference.Kind} {namespaceName}/{reference.Name} not found: create it or correct the reference");
        }
    }

    private async Task<string?> SecretKeyAsync(string namespaceName, ValuesReference reference, CancellationToken cancellationToken)
    {
        var secret = await client.CoreV1.ReadNamespacedSecretAsync(reference.Name, namespaceName, cancellationToken: cancellationToken).ConfigureAwait(false);
        return secret.Data?.TryGetValue(reference.Key, out var bytes) == true ? Encoding.UTF8.GetString(bytes) : null;
    }

    private async Task<string?> ConfigMapKeyAsync(string namespaceName, ValuesReference reference, CancellationToken cancellationToken)
    {
        var configMap = await client.CoreV1.ReadNamespacedConfigMapAsync(reference.Name, namespaceName, cancellationToken: cancellationToken).ConfigureAwait(false);
        return configMap.Data?.TryGetValue(reference.Key, out var text) == true ? text : null;
    }
}
