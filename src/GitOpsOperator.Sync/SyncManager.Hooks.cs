using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Api;
using GitOpsOperator.Sync.Hooks;

namespace GitOpsOperator.Sync;

public sealed partial class SyncManager
{
    private static readonly TimeSpan GoneCheckDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Runs one phase's hooks one at a time in weight order: deletes the previous one first (before-hook-creation),
    /// applies it (labelled with the owner, never inventoried), waits until it is healthy (a Job until it completed),
    /// then deletes it when its policy says so (hook-succeeded, hook-failed). Stops at the first hook that fails;
    /// returns the hooks that ran and that failure. Creates and deletes are made as <paramref name="writeAs"/> when set.
    /// </summary>
    public async Task<HookOutcome> RunHooksAsync(IReadOnlyList<ChartHook> hooks, GitSyncOwner owner, TimeSpan timeout, WriteIdentity? writeAs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hooks);
        var ran = new List<string>();
        var deadline = DateTimeOffset.UtcNow + timeout;
        foreach (var hook in hooks)
        {
            var failure = await RunHookAsync(hook, owner, deadline, writeAs, cancellationToken);
            if (failure is not null)
            {
                return new HookOutcome(ran, failure);
            }

            ran.Add(hook.Object.Identity.ToString());
        }

        return new HookOutcome(ran, null);
    }

    private async Task<SyncFailure?> RunHookAsync(ChartHook hook, GitSyncOwner owner, DateTimeOffset deadline, WriteIdentity? writeAs, CancellationToken cancellationToken)
    {
        var desired = hook.Object;
        var (resource, discoveryFailure) = await discovery.ResolveAsync(desired.Type, cancellationToken);
        if (discoveryFailure is not null || resource is null)
        {
            var message = discoveryFailure is null ? $"no matches for kind \"{desired.Type.Kind}\" in version \"{desired.Type.ApiVersion}\"" : $"discovery failed: {discoveryFailure.Message}";
            return HookFailure(SyncOutcome.ValidationFailed, hook, message);
        }

        var remaining = deadline - DateTimeOffset.UtcNow;
        if (await Cache.WatchAsync(resource, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, cancellationToken) is { } unreadable)
        {
            return HookFailure(unreadable.IsAccessDenied ? SyncOutcome.AccessDenied : SyncOutcome.ApplyFailed, hook, $"cannot read the live objects: {unreadable}");
        }

        if (hook.DeletePolicies.Contains(ChartHook.BeforeHookCreation) && await DeleteHookAsync(resource, desired, deadline, writeAs, cancellationToken) is { } notDeleted)
        {
            return HookFailure(SyncOutcome.ApplyFailed, hook, notDeleted);
        }

        var applied = await ApplyRequestAsync(resource, Labelled(desired, owner), dryRun: false, writeAs, cancellationToken);
        if (!applied.IsSuccess || applied.Body is null)
        {
            return HookFailure(WriteFailureReason(applied, refused: SyncOutcome.ValidationFailed), hook, applied.Message);
        }

        Cache.Offer(applied.Body);
        var left = deadline - DateTimeOffset.UtcNow;
        var report = await WaitForHealthAsync([InventoryRecord.EntryOf(desired)], left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken);
        var policy = report.Healthy ? ChartHook.HookSucceeded : ChartHook.HookFailed;
        if (hook.DeletePolicies.Contains(policy) && await DeleteHookAsync(resource, desired, deadline, writeAs, cancellationToken) is { } leftOver)
        {
            return HookFailure(SyncOutcome.ApplyFailed, hook, leftOver);
        }

        return report.Healthy ? null : HookFailure(SyncOutcome.HealthCheckFailed, hook, report.Failures[0].Message);
    }

    /// <summary>Deletes the hook object (as the writer) and waits until it is gone (reading as the operator); returns why it could not be, or null.</summary>
    private async Task<string?> DeleteHookAsync(ResourceType resource, RenderedObject hook, DateTimeOffset deadline, WriteIdentity? writeAs, CancellationToken cancellationToken)
    {
        var path = resource.ObjectPath(hook.Identity.Namespace, hook.Identity.Name);
        var deleted = await api.SendAsync(HttpMethod.Delete, path + "?propagationPolicy=Foreground", null, null, writeAs, cancellationToken);
        if (!deleted.IsSuccess && !deleted.IsNotFound)
        {
            return $"delete failed: {deleted.Message}";
        }

        while (!(await api.SendAsync(HttpMethod.Get, path, null, null, cancellationToken)).IsNotFound)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                return "the previous hook object was not gone in time";
            }

            await Task.Delay(GoneCheckDelay, cancellationToken);
        }

        Cache.ForgetDeleted(hook.Identity);
        return null;
    }

    private static SyncFailure HookFailure(SyncOutcome reason, ChartHook hook, string message) =>
        new(reason, hook.Object.Identity, hook.Object.Source, $"{string.Join(",", hook.Phases)} hook: {message}");
}
