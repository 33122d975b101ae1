namespace GitOpsOperator.Machinery.Informers;

/// <summary>How an informer backs off after a failed list or watch: doubling from <see cref="MinBackoff"/> up to <see cref="MaxBackoff"/>, with jitter.</summary>
public sealed record InformerOptions
{
    public static InformerOptions Default { get; } = new();

    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The pause after the n-th failure in a row (n ≥ 1): min·2^(n-1), at most max, minus up to a fifth as jitter.</summary>
    public TimeSpan BackoffAfter(int failures, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var doubled = MinBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30));
        var capped = Math.Min(doubled, MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 - (random.NextDouble() / 5)));
    }
}
