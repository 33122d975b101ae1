namespace GitOpsOperator.Images;

/// <summary>Why a registry scan failed: the ImageRepository reasons of API.md.</summary>
public enum ScanFailureReason
{
    AuthenticationFailed,
    ImageURLInvalid,
    RegistryUnavailable,
    RateLimited,
}
