using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>
/// Writes the status a controller wants, only when it differs from the live one. A conflict (someone wrote in
/// between) re-reads the object and decides again; an object deleted meanwhile is left alone.
/// </summary>
internal sealed class StatusWriter<T, TStatus>(
    KindApi<T> api,
    Func<T, TStatus?> read,
    Func<T, TStatus, T> withStatus)
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TStatus : class
{
    private const int Attempts = 5;

    /// <summary>Writes <paramref name="desired"/>'s answer for the object; returns whether a write happened.</summary>
    public async Task<bool> WriteAsync(T item, Func<T, TStatus?> desired, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (attempt > 1)
                {
                    item = await api.Get(item.Namespace(), item.Name(), cancellationToken).ConfigureAwait(false);
                }

                var status = desired(item);
                if (status is null || Same(read(item), status))
                {
                    return false;
                }

                await api.ReplaceStatus(withStatus(item, status), cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict && attempt < Attempts)
            {
                continue;
            }
        }
    }

    /// <summary>Statuses are compared as the server would store them.</summary>
    public static bool Same(TStatus? live, TStatus wanted) =>
        live is not null && KubernetesJson.Serialize(live) == KubernetesJson.Serialize(wanted);
}
