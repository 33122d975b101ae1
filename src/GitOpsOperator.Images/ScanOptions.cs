namespace GitOpsOperator.Images;

/// <summary>Limits of registry scans.</summary>
public sealed record ScanOptions
{
    /// <summary>At most this many tags are kept per repository; a listing stops there (status says so).</summary>
    public int MaxTags { get; init; } = 20_000;

    /// <summary>A finished scan older than this is forgotten (its ImageRepositories keep their own copy).</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromHours(1);
}
