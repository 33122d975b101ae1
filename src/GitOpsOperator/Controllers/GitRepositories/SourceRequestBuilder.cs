using GitOpsOperator.Api;
using GitOpsOperator.Source;
using GitOpsOperator.Source.Verification;

namespace GitOpsOperator.Controllers.GitRepositories;

/// <summary>Turns a GitRepository's spec and the Secrets it names into the request the source cache polls with.</summary>
public sealed class SourceRequestBuilder(SecretReader secrets)
{
    public async Task<Result<SourceRequest>> BuildAsync(GitRepository repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var spec = repository.Spec;
        var namespaceName = repository.Metadata.NamespaceProperty;
        var reference = Source.Resolution.GitReference.FromSpec(spec.Ref?.Branch, spec.Ref?.Tag, spec.Ref?.Semver, spec.Ref?.Commit);
        if (reference.Failure is { } invalidRef)
        {
            return Result<SourceRequest>.Fail(invalidRef);
        }

        if (!Duration.TryParse(spec.Timeout, out var timeout))
        {
            return Result<SourceRequest>.Fail(FailureReason.InvalidSpec, $"spec.timeout \"{spec.Timeout}\" is not a duration (examples: 30s, 1m)");
        }

        var credentials = GitCredentials.None;
        if (spec.SecretRef is { } secretRef)
        {
            var read = await secrets.ReadAsync(namespaceName, secretRef.Name, GitCredentials.FromSecretData, cancellationToken).ConfigureAwait(false);
            if (read.Failure is { } failure)
            {
                return Result<SourceRequest>.Fail(failure);
            }

            credentials = read.Value!;
        }

        TrustedKeys? keys = null;
        if (spec.Verify is { } verify)
        {
            var read = await secrets.ReadAsync(namespaceName, verify.SecretRef.Name, TrustedKeys.FromSecretData, cancellationToken).ConfigureAwait(false);
            if (read.Failure is { } failure)
            {
                return Result<SourceRequest>.Fail(failure);
            }

            keys = read.Value!;
        }

        return Result<SourceRequest>.Ok(new SourceRequest(spec.Url, reference.Value!, timeout, credentials, keys));
    }
}
