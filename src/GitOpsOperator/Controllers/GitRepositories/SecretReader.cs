using System.Net;
using GitOpsOperator.Source;
using k8s;
using k8s.Autorest;

namespace GitOpsOperator.Controllers.GitRepositories;

/// <summary>Reads a Secret's data through the Kubernetes API; a missing Secret is an AuthenticationFailed naming it.</summary>
public sealed class SecretReader(IKubernetes client)
{
    public async Task<Result<IReadOnlyDictionary<string, byte[]>>> ReadAsync(string namespaceName, string name, CancellationToken cancellationToken)
    {
        try
        {
            var secret = await client.CoreV1.ReadNamespacedSecretAsync(name, namespaceName, cancellationToken: cancellationToken).ConfigureAwait(false);
            return Result<IReadOnlyDictionary<string, byte[]>>.Ok(secret.Data is null ? new Dictionary<string, byte[]>() : secret.Data.AsReadOnly());
        }
        catch (HttpOperationException error) when (error.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return Result<IReadOnlyDictionary<string, byte[]>>.Fail(
                FailureReason.AuthenticationFailed, $"Secret {namespaceName}/{name} not found: create it or correct the reference");
        }
    }
}
