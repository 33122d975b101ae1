using GitOpsOperator.Api;
using GitOpsOperator.Manifests;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// What the controller remembers about one GitSync between reconciles: its renders, what it last synced, the live
/// fingerprints of its objects (for drift), the status it last wrote, and the health wait under way.
/// </summary>
public sealed class GitSyncState
{
    private readonly Lock gate = new();
    private IReadOnlyDictionary<ObjectIdentity, string> fingerprints = new Dictionary<ObjectIdentity, string>();
    private (GitSyncStatus Status, long ResourceVersion)? written;
    private (string Revision, CancellationTokenSource Cancel)? healthWait;
    private List<(ObjectIdentity Identity, string? Fingerprint)>? heardWhileSyncing;
    private int drifted;

    public RenderCache Renders { get; } = new();

    /// <summary>The objects, generation and time of the last successful full sync; null before one.</summary>
    public SyncedSet? LastSynced { get; set; }

    /// <summary>The live fingerprint recorded for each managed object.</summary>
    public IReadOnlyDictionary<ObjectIdentity, string> Fingerprints
    {
        get => Volatile.Read(ref fingerprints);
        set => Volatile.Write(ref fingerprints, value);
    }

    /// <summary>
    /// A sync starts: changes heard from now on are held until <see cref="EndSync"/>, since the sync's own writes would
    /// look like drift against the records it is about to replace.
    /// </summary>
    public void BeginSync()
    {
        lock (gate)
        {
            heardWhileSyncing = [];
        }
    }

    /// <summary>Holds a change while a sync runs (a null fingerprint: deleted); false when no sync runs.</summary>
    public bool HoldWhileSyncing(ObjectIdentity identity, string? fingerprint)
    {
        lock (gate)
        {
            heardWhileSyncing?.Add((identity, fingerprint));
            return heardWhileSyncing is not null;
        }
    }

    /// <summary>The sync ended with these records; true when a change heard meanwhile differs from them (drift).</summary>
    public bool EndSync(IReadOnlyDictionary<ObjectIdentity, string> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        lock (gate)
        {
            var heard = heardWhileSyncing ?? [];
            heardWhileSyncing = null;
            Fingerprints = recorded;
            return heard.Any(change => recorded.TryGetValue(change.Identity, out var fingerprint) && fingerprint != change.Fingerprint);
        }
    }

    /// <summary>A managed object drifted or was deleted since the last sync.</summary>
    public void MarkDrifted() => Interlocked.Exchange(ref drifted, 1);

    /// <summary>True when an object drifted since <see cref="TakeDrifted"/> was last called.</summary>
    public bool Drifted => Volatile.Read(ref drifted) == 1;

    /// <summary>True (once) when an object drifted since the last call.</summary>
    public bool TakeDrifted() => Interlocked.Exchange(ref drifted, 0) == 1;

    /// <summary>The status to start from: the one we last wrote when the informer has not seen that write yet.</summary>
    public GitSyncStatus CurrentStatus(GitSync gitSync)
    {
        ArgumentNullException.ThrowIfNull(gitSync);
        var seen = gitSync.Status ?? new GitSyncStatus();
        lock (gate)
        {
            return written is { } last && ResourceVersionOf(gitSync) < last.ResourceVersion ? last.Status : seen;
        }
    }

    public void Wrote(GitSyncStatus status, string? resourceVersion)
    {
        lock (gate)
        {
            written = (status, long.TryParse(resourceVersion, out var version) ? version : 0);
        }
    }

    /// <summary>Starts a health wait for a revision; cancelled by <see cref="Supersede"/> or the queue token.</summary>
    public CancellationTokenSource BeginHealthWait(string revision, CancellationToken cancellationToken)
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lock (gate)
        {
            healthWait = (revision, cancel);
        }

        return cancel;
    }

    public void EndHealthWait(CancellationTokenSource cancel)
    {
        lock (gate)
        {
            if (healthWait?.Cancel == cancel)
            {
                healthWait = null;
            }
        }
    }

    /// <summary>Cancels a health wait for any revision other than this one (any wait at all when null: the spec changed).</summary>
    public void Supersede(string? revision)
    {
        lock (gate)
        {
            if (healthWait is { } wait && wait.Revision != revision)
            {
                wait.Cancel.Cancel();
            }
        }
    }

    private static long ResourceVersionOf(GitSync gitSync) =>
        long.TryParse(gitSync.Metadata.ResourceVersion, out var version) ? version : 0;
}
