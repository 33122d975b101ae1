using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>What becomes of a workload's pods, decided by markers in its container images.</summary>
internal enum WorkloadFate
{
    Healthy,
    NeverReady,
    Fails,
}

internal static class WorkloadFates
{
    /// <summary>
    /// <see cref="WorkloadFate.Fails"/> when any container image contains the fail marker,
    /// <see cref="WorkloadFate.NeverReady"/> when any contains the never-ready marker, else healthy.
    /// </summary>
    public static WorkloadFate Of(V1PodTemplateSpec? template, ControllerOptions options)
    {
        var images = (template?.Spec?.Containers ?? [])
            .Concat(template?.Spec?.InitContainers ?? [])
            .Select(container => container.Image ?? "")
            .ToList();
        if (ContainsMarker(images, options.FailImageMarker))
        {
            return WorkloadFate.Fails;
        }

        return ContainsMarker(images, options.NeverReadyImageMarker) ? WorkloadFate.NeverReady : WorkloadFate.Healthy;
    }

    private static bool ContainsMarker(IEnumerable<string> images, string marker) =>
        marker.Length > 0 && images.Any(image => image.Contains(marker, StringComparison.Ordinal));
}
