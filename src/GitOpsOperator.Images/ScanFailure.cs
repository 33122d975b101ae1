namespace GitOpsOperator.Images;

/// <summary>
/// A failed registry request a person can act on; never holds a credential. <paramref name="RetryAfter"/> is the wait
/// the registry asked for (429 Retry-After), when it asked.
/// </summary>
public sealed record ScanFailure(ScanFailureReason Reason, string Message, TimeSpan? RetryAfter = null)
{
    public override string ToString() => $"{Reason}: {Message}";
}
