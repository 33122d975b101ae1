using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using k8s;
using k8s.Autorest;

namespace GitOpsOperator.Sandbox;

/// <summary>Waits for the sandbox's GitSync to report Ready=True, the moment its app is applied (and healthy).</summary>
public static class GitSyncReadiness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Returns the GitSync once Ready; waits as long as it takes (the caller's token ends it).</summary>
    public static async Task<GitSync> WaitAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        while (true)
        {
            var sync = await TryReadAsync(client, cancellationToken).ConfigureAwait(false);
            var ready = sync?.Status?.Conditions.FirstOrDefault(c => c.Type == ConditionTypes.Ready);
            if (sync is not null && ready?.Status == Condition.True)
            {
                return sync;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<GitSync?> TryReadAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CustomObjects.GetNamespacedCustomObjectAsync<GitSync>(
                GitOpsApi.Group, GitOpsApi.Version, SandboxObjects.Namespace, GitOpsApi.GitSyncPlural, SandboxObjects.SyncName,
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException)
        {
            return null;
        }
    }
}
