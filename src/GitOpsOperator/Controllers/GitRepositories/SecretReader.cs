using System.Net;
using GitOpsOperator.Source;
using k8s;
using k8s.Autorest;

namespace GitOpsOperator.Controllers.GitRepositories;

/// <summary>Reads a Secret's data through the Kubernetes API; a missing Secret is an AuthenticationFailed naming it.</summary>
public sealed class SecretReader(IKubernetes client)
{
    /// <summary>Reads the Secret and parses its data, naming it "namespace/name" to the parser.</summary>
    public async Task<Result<T>> ReadAsync<T>(
        string namespaceName, string name, Func<string, IReadOnlyDictionary<string, byte[]>, Result<T>> parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var data = await ReadAsync(namespaceName, name, cancellationToken).ConfigureAwait(false);
        return data.Failure is { } missing ? Result<T>.Fail(missing) : parse($"{namespaceName}/{name}", data.Value!);
    }

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
