using GitOpsOperator.Api;
using GitOpsOperator.Controllers.GitRepositories;
using GitOpsOperator.Images;
using GitOpsOperator.Images.Registry;

namespace GitOpsOperator.Controllers.ImageRepositories;

/// <summary>
/// Turns an ImageRepository's spec and the Secret it names into the registry target its scans (and its policies'
/// digest lookups) use: a name that is no image repository is ImageURLInvalid, a missing or unusable Secret
/// AuthenticationFailed.
/// </summary>
public sealed class ScanTargetBuilder(SecretReader secrets)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public async Task<RegistryResult<RegistryTarget>> BuildAsync(ImageRepository repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var spec = repository.Spec;
        var image = ImageReference.TryParse(spec.Image, out var invalid);
        if (image is null)
        {
            return invalid!;
        }

        var timeout = Duration.TryParse(spec.Timeout, out var parsed) && parsed > TimeSpan.Zero ? parsed : DefaultTimeout;
        var credentials = RegistryCredentials.Anonymous;
        if (spec.SecretRef is { } secretRef)
        {
            var namespaceName = repository.Metadata.NamespaceProperty;
            var data = await secrets.ReadAsync(namespaceName, secretRef.Name, cancellationToken).ConfigureAwait(false);
            if (data.Failure is { } missing)
            {
                return new ScanFailure(ScanFailureReason.AuthenticationFailed, missing.Message);
            }

            var read = RegistryCredentials.FromSecretData(data.Value!, image, $"{namespaceName}/{secretRef.Name}", out var unusable);
            if (read is null)
            {
                return unusable!;
            }

            credentials = read;
        }

        return RegistryResult<RegistryTarget>.Ok(new RegistryTarget(image, credentials, spec.Insecure, timeout));
    }
}
