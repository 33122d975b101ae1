namespace GitOpsOperator.Images;

/// <summary>
/// One scan of an image repository: the tags listed (registry order, at most the tag limit; <paramref name="Truncated"/>
/// when more existed), or the failure; <paramref name="ScannedAt"/> is when it finished.
/// </summary>
public sealed record ImageScan(IReadOnlyList<string> Tags, bool Truncated, DateTimeOffset ScannedAt, ScanFailure? Failure)
{
    public bool Succeeded => Failure is null;
}
