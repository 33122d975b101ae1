using System.Collections.Concurrent;
using GitOpsOperator.Images.Registry;

namespace GitOpsOperator.Images;

/// <summary>
/// Scans image repositories, once per (registry, repository, scheme, credentials) however many ImageRepositories name
/// it: a caller joins a scan under way, or takes a finished one that is recent enough for it; only otherwise does a
/// new scan go to the registry. A scan runs to its end (or its timeout) even when the caller that started it stops
/// waiting.
/// </summary>
public sealed class ImageScanner(TagLister lister, ScanOptions options, TimeProvider time, Action<ImageScan>? scanned = null)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ImageScan>>> scans = new(StringComparer.Ordinal);

    /// <summary>
    /// The tags of <paramref name="target"/>: from a scan under way or one finished at most <paramref name="maxAge"/> before
    /// this call (zero: a new scan unless one is under way), else from a new scan.
    /// </summary>
    public async Task<ImageScan> ScanAsync(RegistryTarget target, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        Forget(time.GetUtcNow() - options.Retention);
        var key = target.ScanKey;
        var oldest = time.GetUtcNow() - maxAge;
        while (true)
        {
            var entry = scans.GetOrAdd(key, _ => Start(target));
            var scan = await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (scan.ScannedAt >= oldest)
            {
                return scan;
            }

            scans.TryUpdate(key, Start(target), entry);
        }
    }

    private Lazy<Task<ImageScan>> Start(RegistryTarget target) => new(() => RunAsync(target));

    private async Task<ImageScan> RunAsync(RegistryTarget target)
    {
        var listed = await lister.ListAsync(target, options.MaxTags, CancellationToken.None).ConfigureAwait(false);
        var scan = listed.Failure is { } failure
            ? new ImageScan([], false, time.GetUtcNow(), failure)
            : new ImageScan(listed.Value!.Tags, listed.Value.Truncated, time.GetUtcNow(), null);
        scanned?.Invoke(scan);
        return scan;
    }

    private void Forget(DateTimeOffset before)
    {
        foreach (var (key, entry) in scans)
        {
            if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully && entry.Value.Result.ScannedAt < before)
            {
                scans.TryRemove(new KeyValuePair<string, Lazy<Task<ImageScan>>>(key, entry));
            }
        }
    }
}
