namespace GitOpsOperator.Manifests;

/// <summary>Safety limits a render enforces, so that a hostile or broken commit fails fast instead of exhausting memory.</summary>
public sealed record ManifestLimits
{
    public long MaxFileBytes { get; init; } = 8 * 1024 * 1024;

    public long MaxTotalBytes { get; init; } = 64 * 1024 * 1024;

    public int MaxObjects { get; init; } = 20_000;

    /// <summary>How many JSON nodes YAML aliases may produce in one document.</summary>
    public int MaxAliasExpansion { get; init; } = 100_000;

    public int MaxDepth { get; init; } = 100;
}
