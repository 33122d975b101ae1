using k8s;
using k8s.Autorest;

namespace KubeEmulator.Controllers;

/// <summary>Which failures a controller rides out by trying again later, as real controllers do.</summary>
internal static class ApiErrors
{
    public static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && e is HttpOperationException or HttpRequestException or IOException or KubernetesException or TaskCanceledException
            or System.Text.Json.JsonException;
}
