using System.Text;
using k8s;
using k8s.Models;

namespace KubeEmulator.Controllers;

/// <summary>
/// Services of type LoadBalancer get a loopback ingress address after the ready delay (the same address for the
/// same Service every time); a Service that stops being a LoadBalancer loses it.
/// </summary>
internal static class LoadBalancerController
{
    public static ISimulatedController Create(IKubernetes client, ControllerOptions options) =>
        new StatusController<V1Service, V1ServiceStatus>(
            KindApis.Services(client),
            options,
            svc => svc.Status,
            (svc, status) => svc with { Status = status },
            DesiredStatus);

    /// <summary>The status to write, or null when the Service needs nothing.</summary>
    public static V1ServiceStatus? DesiredStatus(V1Service service, bool due)
    {
        var ingress = service.Status?.LoadBalancer?.Ingress ?? [];
        if (service.Spec?.Type != "LoadBalancer")
        {
            return ingress.Count == 0 ? null : new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus() };
        }

        if (!due || ingress.Count > 0)
        {
            return null;
        }

        return new V1ServiceStatus
        {
            LoadBalancer = new V1LoadBalancerStatus
            {
                Ingress = [new V1LoadBalancerIngress { Ip = AddressFor(service), IpMode = "VIP" }],
            },
        };
    }

    private static string AddressFor(V1Service service)
    {
        var hash = 0u;
        foreach (var b in Encoding.UTF8.GetBytes(ObjectKey.Of(service)))
        {
            hash = unchecked((hash * 31) + b);
        }

        return $"127.0.0.{2 + (hash % 253)}";
    }
}
