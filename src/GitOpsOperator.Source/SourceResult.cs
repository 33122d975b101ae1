namespace GitOpsOperator.Source;

/// <summary>The outcome of one poll: an artifact, or the failure that prevented it.</summary>
public sealed record SourceResult
{
    private SourceResult(Artifact? artifact, SourceFailure? failure, bool fetched, long bytesReceived)
    {
        Artifact = artifact;
        Failure = failure;
        Fetched = fetched;
        BytesReceived = bytesReceived;
    }

    public Artifact? Artifact { get; }

    public SourceFailure? Failure { get; }

    /// <summary>Whether this poll transferred objects from the remote (false: answered by the ref listing alone).</summary>
    public bool Fetched { get; }

    /// <summary>Bytes of pack data the fetch received (0 when nothing was fetched).</summary>
    public long BytesReceived { get; }

    public bool Succeeded => Failure is null;

    public static SourceResult Success(Artifact artifact, bool fetched, long bytesReceived) =>
        new(artifact, null, fetched, bytesReceived);

    public static SourceResult Failed(FailureReason reason, string message) =>
        new(null, new SourceFailure(reason, message), false, 0);

    public static SourceResult Failed(SourceFailure failure) => new(null, failure, false, 0);
}
