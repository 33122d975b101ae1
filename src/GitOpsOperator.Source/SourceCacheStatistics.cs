namespace GitOpsOperator.Source;

/// <summary>Counters since the cache was created, for metrics.</summary>
/// <param name="PollsWithoutFetch">Successful polls answered by the ref listing alone.</param>
public sealed record SourceCacheStatistics(long Polls, long PollsWithoutFetch, long Fetches, long BytesReceived);
