using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using k8s;
using k8s.Autorest;

namespace GitOpsOperator.Sandbox;

/// <summary>
/// Waits for the sandbox's GitSync to settle on its source's current revision: Ready=True, or Ready=False after
/// an attempt at that revision (a broken commit pushed before a restart must not leave the sandbox waiting forever).
/// </summary>
public static class GitSyncReadiness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Returns the GitSync once settled; waits as long as it takes (the caller's token ends it).</summary>
    public static async Task<GitSync> WaitSettledAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        while (true)
        {
            var sync = await TryReadAsync<GitSync>(client, GitOpsApi.GitSyncPlural, SandboxObjects.SyncName, cancellationToken).ConfigureAwait(false);
            var source = await TryReadAsync<GitRepository>(client, GitOpsApi.GitRepositoryPlural, SandboxObjects.RepositoryName, cancellationToken).ConfigureAwait(false);
            if (sync is not null && IsSettled(sync, source))
            {
                return sync;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The GitSync's Ready condition, if it has one.</summary>
    public static Condition? Ready(GitSync sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        return sync.Status?.Conditions.FirstOrDefault(c => c.Type == ConditionTypes.Ready);
    }

    /// <summary>Ready, or failed at the revision the source offers now (so only a new push can change that).</summary>
    public static bool IsSettled(GitSync sync, GitRepository? source)
    {
        var ready = Ready(sync);
        return ready?.Status == Condition.True
            || (ready?.Status == Condition.False
                && sync.Status?.LastAttemptedRevision is { } attempted
                && attempted == source?.Status?.Artifact?.Revision);
    }

    private static async Task<T?> TryReadAsync<T>(IKubernetes client, string plural, string name, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await client.CustomObjects.GetNamespacedCustomObjectAsync<T>(
                GitOpsApi.Group, GitOpsApi.Version, SandboxObjects.Namespace, plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException)
        {
            return null;
        }
    }
}
