using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>A Deployment's surge and unavailability allowances, resolved against its replica count as Kubernetes does.</summary>
internal static class RollingUpdate
{
    private const string DefaultAllowance = "25%";

    /// <summary>How many replicas may be unavailable: rounded down, zero for Recreate, at least one when surge is zero too.</summary>
    public static int MaxUnavailable(V1Deployment deployment)
    {
        var replicas = deployment.Spec?.Replicas ?? 1;
        if (!IsRollingUpdate(deployment) || replicas == 0)
        {
            return 0;
        }

        var rolling = deployment.Spec?.Strategy?.RollingUpdate;
        var surge = Scale(rolling?.MaxSurge, replicas, roundUp: true);
        var unavailable = Scale(rolling?.MaxUnavailable, replicas, roundUp: false);
        if (surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }

        return Math.Min(unavailable, replicas);
    }

    /// <summary>How many replicas may exist above the desired count: rounded up, zero for Recreate.</summary>
    public static int MaxSurge(V1Deployment deployment) =>
        IsRollingUpdate(deployment)
            ? Scale(deployment.Spec?.Strategy?.RollingUpdate?.MaxSurge, deployment.Spec?.Replicas ?? 1, roundUp: true)
            : 0;

    private static bool IsRollingUpdate(V1Deployment deployment) =>
        (deployment.Spec?.Strategy?.Type ?? "RollingUpdate") == "RollingUpdate";

    private static int Scale(IntOrString? value, int total, bool roundUp)
    {
        var text = value?.Value ?? DefaultAllowance;
        if (!text.EndsWith('%'))
        {
            return int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var absolute) ? absolute : 0;
        }

        if (!int.TryParse(text[..^1], System.Globalization.CultureInfo.InvariantCulture, out var percent))
        {
            return 0;
        }

        var scaled = total * percent / 100.0;
        return (int)(roundUp ? Math.Ceiling(scaled) : Math.Floor(scaled));
    }
}
