namespace GitOpsOperator.Conditions;

/// <summary>The reasons of API.md's table; a Ready=False always carries one a person can act on.</summary>
public static class Reasons
{
    public const string Succeeded = "Succeeded";
    public const string Progressing = "Progressing";
    public const string ArtifactFailed = "ArtifactFailed";
    public const string AuthenticationFailed = "AuthenticationFailed";
    public const string RefNotFound = "RefNotFound";
    public const string VerificationFailed = "VerificationFailed";
    public const string InvalidSpec = "InvalidSpec";
    public const string BuildFailed = "BuildFailed";
    public const string ValidationFailed = "ValidationFailed";
    public const string ApplyFailed = "ApplyFailed";
    public const string OwnershipConflict = "OwnershipConflict";
    public const string PruneFailed = "PruneFailed";
    public const string PruneRefused = "PruneRefused";
    public const string HealthCheckFailed = "HealthCheckFailed";
    public const string DependencyNotReady = "DependencyNotReady";
    public const string Suspended = "Suspended";
    public const string AccessDenied = "AccessDenied";

    // ImageRepository: besides Succeeded and AuthenticationFailed.
    public const string ImageURLInvalid = "ImageURLInvalid";
    public const string RegistryUnavailable = "RegistryUnavailable";
    public const string RateLimited = "RateLimited";

    // ImagePolicy: besides Succeeded and DependencyNotReady.
    public const string InvalidPolicy = "InvalidPolicy";
    public const string NoMatchingTag = "NoMatchingTag";

    // ImageUpdateAutomation: besides Succeeded, InvalidSpec and AccessDenied.
    public const string NoChange = "NoChange";
    public const string GitOperationFailed = "GitOperationFailed";
    public const string PushConflict = "PushConflict";
    public const string MarkerInvalid = "MarkerInvalid";
}
