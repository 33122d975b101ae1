using GitOpsOperator.Queue;
using Prometheus;

namespace GitOpsOperator.Metrics;

/// <summary>
/// The operator's Prometheus series, in a registry of their own so that two hosts in one process never mix
/// (the static default registry is not used). /metrics serves <see cref="Registry"/>.
/// </summary>
public sealed class OperatorMetrics : IWorkQueueMetrics
{
    private static readonly double[] DurationBuckets = Histogram.ExponentialBuckets(0.005, 2, 15);

    private readonly Counter reconciles;
    private readonly Histogram reconcileDuration;
    private readonly Gauge queueDepth;
    private readonly Counter objectsApplied;
    private readonly Counter objectsPruned;
    private readonly Histogram gitFetchDuration;
    private readonly Counter gitPolls;
    private readonly Counter apiRequests;
    private readonly Counter apiRetries;
    private readonly Counter imageScans;
    private readonly Counter imageReleases;

    public OperatorMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        reconciles = factory.CreateCounter(
            "gitops_reconcile_total", "Reconciles finished, by kind and result (success or failure).", ["kind", "result"]);
        reconcileDuration = factory.CreateHistogram(
            "gitops_reconcile_duration_seconds", "How long reconciles took, by kind.",
            new HistogramConfiguration { LabelNames = ["kind"], Buckets = DurationBuckets });
        queueDepth = factory.CreateGauge("gitops_workqueue_depth", "Keys waiting for a worker, by kind.", ["kind"]);
        objectsApplied = factory.CreateCounter("gitops_objects_applied_total", "Objects created or changed in the cluster by server-side apply.");
        objectsPruned = factory.CreateCounter("gitops_objects_pruned_total", "Objects deleted from the cluster because they left git.");
        gitFetchDuration = factory.CreateHistogram(
            "gitops_git_fetch_duration_seconds", "How long git polls that fetched from the remote took (ref listing and fetch).",
            new HistogramConfiguration { Buckets = DurationBuckets });
        gitPolls = factory.CreateCounter(
            "gitops_git_polls_total", "Git polls of a remote, by whether objects were fetched (false: the ref listing showed nothing new).", ["fetched"]);
        apiRequests = factory.CreateCounter(
            "gitops_api_requests_total", "Requests the operator sent to the Kubernetes API server, by verb.", ["verb"]);
        apiRetries = factory.CreateCounter(
            "gitops_api_retries_total", "Kubernetes API requests sent again after a transient failure, by code (429, 5xx, or reset for a reset connection).", ["code"]);
        imageScans = factory.CreateCounter(
            "gitops_image_scans_total", "Registry scans of image repositories (one per image and credentials, however many ImageRepositories share it), by result: success or the failure's reason.", ["result"]);
        imageReleases = factory.CreateCounter(
            "gitops_image_releases_total", "Image releases written into git by ImageUpdateAutomations: one per marker changed in a pushed commit.");
        imageScans.WithLabels(ReconcileResults.Success);
        gitPolls.WithLabels("true");
        gitPolls.WithLabels("false");
    }

    public CollectorRegistry Registry { get; }

    public void QueueCreated(string queue)
    {
        queueDepth.WithLabels(queue).Set(0);
        reconciles.WithLabels(queue, ReconcileResults.Success);
        reconciles.WithLabels(queue, ReconcileResults.Failure);
    }

    public void DepthChanged(string queue, int depth) => queueDepth.WithLabels(queue).Set(depth);

    public void Processed(string queue, bool succeeded, TimeSpan duration)
    {
        reconciles.WithLabels(queue, succeeded ? ReconcileResults.Success : ReconcileResults.Failure).Inc();
        reconcileDuration.WithLabels(queue).Observe(duration.TotalSeconds);
    }

    /// <summary>Server-side apply created or changed this many objects.</summary>
    public void ObjectsApplied(int count) => objectsApplied.Inc(count);

    /// <summary>This many objects were deleted because they left git.</summary>
    public void ObjectsPruned(int count) => objectsPruned.Inc(count);

    /// <summary>A git poll ended; a fetching poll also records its duration.</summary>
    public void GitPolled(bool fetched, TimeSpan duration)
    {
        gitPolls.WithLabels(fetched ? "true" : "false").Inc();
        if (fetched)
        {
            gitFetchDuration.Observe(duration.TotalSeconds);
        }
    }

    /// <summary>A registry scan ended: <paramref name="failureReason"/> is null when it succeeded.</summary>
    public void ImageScanned(string? failureReason) => imageScans.WithLabels(failureReason ?? ReconcileResults.Success).Inc();

    /// <summary>An ImageUpdateAutomation pushed a commit changing this many markers.</summary>
    public void ImagesReleased(int count) => imageReleases.Inc(count);

    /// <summary>The operator's Kubernetes client sent a request with this verb.</summary>
    public void ApiRequest(string verb) => apiRequests.WithLabels(verb).Inc();

    /// <summary>An idempotent API request failed transiently with this code ("429", "503", "reset", …) and is sent again.</summary>
    public void ApiRetried(string code) => apiRetries.WithLabels(code).Inc();

    private static class ReconcileResults
    {
        public const string Success = "success";
        public const string Failure = "failure";
    }
}
