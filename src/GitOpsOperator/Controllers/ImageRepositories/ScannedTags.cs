using System.Collections.Concurrent;

namespace GitOpsOperator.Controllers.ImageRepositories;

/// <summary>An ImageRepository's canonical image name and its tags from the last successful scan.</summary>
public sealed record RepositoryTags(string Image, IReadOnlyList<string> Tags);

/// <summary>
/// Every ImageRepository's tags from its last successful scan (its exclusionList applied), kept in memory for its
/// ImagePolicies (status holds only ten). A changed tag set is published to subscribers (the ImagePolicy controller),
/// which must only queue work.
/// </summary>
public sealed class ScannedTags
{
    private readonly ConcurrentDictionary<ImageRepositoryKey, RepositoryTags> tags = new();
    private readonly Subscribers<ImageRepositoryKey> subscribers = new();

    public RepositoryTags? Get(ImageRepositoryKey key) => tags.GetValueOrDefault(key);

    /// <summary>
    /// Stores the tags and tells subscribers when they differ from those stored before. Returns whether they differ,
    /// or null when nothing was stored before (the first scan since the operator started).
    /// </summary>
    public bool? Set(ImageRepositoryKey key, RepositoryTags scanned)
    {
        ArgumentNullException.ThrowIfNull(scanned);
        var previous = tags.GetValueOrDefault(key);
        tags[key] = scanned;
        bool? changed = previous is null ? null : previous.Image != scanned.Image || !previous.Tags.SequenceEqual(scanned.Tags, StringComparer.Ordinal);
        if (changed != false)
        {
            Publish(key);
        }

        return changed;
    }

    public void Forget(ImageRepositoryKey key)
    {
        if (tags.TryRemove(key, out _))
        {
            Publish(key);
        }
    }

    /// <summary>Calls <paramref name="subscriber"/> for every repository whose tags change until the result is disposed.</summary>
    public IDisposable Subscribe(Action<ImageRepositoryKey> subscriber) => subscribers.Subscribe(subscriber);

    private void Publish(ImageRepositoryKey key) => subscribers.Publish(key);
}
