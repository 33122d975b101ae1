using GitOpsOperator.Api;
using GitOpsOperator.Hosting;
using GitOpsOperator.Machinery.Informers;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Api;
using GitOpsOperator.Sync.Live;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Controllers;

/// <summary>
/// The objects of one of our kinds in one namespace (or all), kept current by the shared informer. While the server
/// refuses the operator their list or watch, /readyz names it: without them the operator serves nothing.
/// </summary>
public class CustomObjectInformer<TObject>
    where TObject : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Informer<TObject> informer;
    private readonly Readiness readiness;

    public CustomObjectInformer(KubeApi api, string kind, string plural, string? watchedNamespace, Readiness readiness, ILogger logger)
    {
        var resource = new ResourceType(new GroupVersionKind(GitOpsApi.Group, GitOpsApi.Version, kind), plural, true);
        informer = new Informer<TObject>(new TypedListWatch<TObject>(new JsonListWatch(api, resource, watchedNamespace, null)), logger);
        this.readiness = readiness;
        informer.StateChanged += Report;
    }

    /// <summary>Waits until the first list has arrived (again, after a failure).</summary>
    public Task WaitUntilSyncedAsync(CancellationToken cancellationToken) => informer.WaitUntilSyncedAsync(cancellationToken);

    /// <summary>Every object as last seen.</summary>
    public IEnumerable<TObject> All => informer.Items;

    /// <summary>The object as last seen, or null when it does not exist (any more).</summary>
    public TObject? Get(string namespaceName, string name) => informer.Get(namespaceName, name);

    /// <summary>Lists and watches until cancelled, calling <paramref name="changed"/> (previous, current) for every object seen.</summary>
    public Task RunAsync(Action<TObject?, TObject> changed, CancellationToken cancellationToken) =>
        RunAsync(changed, _ => { }, cancellationToken);

    /// <summary>Lists and watches until cancelled, reporting objects seen and objects gone.</summary>
    public async Task RunAsync(Action<TObject?, TObject> changed, Action<TObject> deleted, CancellationToken cancellationToken)
    {
        try
        {
            await informer.RunAsync(changed, deleted, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            readiness.MarkReady(informer.Description);
        }
    }

    private void Report(Informer<TObject> changed)
    {
        if (changed.Failure is { IsAccessDenied: true } refused && !changed.IsSynced)
        {
            readiness.Report(changed.Description, refused.Message);
        }
        else
        {
            readiness.MarkReady(changed.Description);
        }
    }
}
