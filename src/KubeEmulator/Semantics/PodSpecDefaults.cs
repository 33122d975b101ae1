using System.Text.Json.Nodes;

namespace KubeEmulator.Semantics;

/// <summary>core/v1 SetDefaults_PodSpec, _Container, _Probe, _Volume… applied wherever a PodSpec appears.</summary>
internal static class PodSpecDefaults
{
    private const int DefaultVolumeMode = 420;
    private const int DefaultTokenExpirationSeconds = 3600;

    /// <summary>Defaults the spec of a pod template, as found in workloads (the template's metadata has no defaults).</summary>
    public static void ApplyTemplate(JsonObject? template)
    {
        if (template?.Obj("spec") is { } spec)
        {
            ApplySpec(spec);
        }
    }

    private static void ApplySpec(JsonObject spec)
    {
        spec.DefaultString("dnsPolicy", "ClusterFirst");
        spec.DefaultString("restartPolicy", "Always");
        spec.Default("terminationGracePeriodSeconds", 30);
        spec.DefaultString("schedulerName", "default-scheduler");
        spec.Default("securityContext", new JsonObject());
        foreach (var container in spec.Arr("containers").Objects().Concat(spec.Arr("initContainers").Objects()))
        {
            ApplyContainer(container);
        }
        foreach (var volume in spec.Arr("volumes").Objects())
        {
            ApplyVolume(volume);
        }
    }

    /// <summary>Pod-only defaults (SetDefaults_Pod): enableServiceLinks, requests copied from limits.</summary>
    public static void ApplyPod(JsonObject pod)
    {
        var spec = pod.Ensure("spec");
        ApplySpec(spec);
        spec.Default("enableServiceLinks", true);
        foreach (var container in spec.Arr("containers").Objects().Concat(spec.Arr("initContainers").Objects()))
        {
            CopyLimitsToRequests(container.Obj("resources"));
        }
    }

    private static void ApplyContainer(JsonObject container)
    {
        container.DefaultString("terminationMessagePath", "/dev/termination-log");
        container.DefaultString("terminationMessagePolicy", "File");
        container.DefaultString("imagePullPolicy", PullPolicyFor(container.Str("image") ?? ""));
        var resources = container.Ensure("resources");
        Quantity.CanonicalizeList(resources.Obj("limits"));
        Quantity.CanonicalizeList(resources.Obj("requests"));
        foreach (var port in container.Arr("ports").Objects())
        {
            port.DefaultString("protocol", "TCP");
        }
        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" }.Select(container.Obj).OfType<JsonObject>())
        {
            ApplyProbe(probe);
        }
        if (container.Obj("lifecycle") is { } lifecycle)
        {
            foreach (var handler in new[] { "postStart", "preStop" }.Select(lifecycle.Obj).OfType<JsonObject>())
            {
                ApplyHttpGet(handler.Obj("httpGet"));
            }
        }
        foreach (var env in container.Arr("env").Objects())
        {
            if (env.Obj("valueFrom")?.Obj("fieldRef") is { } fieldRef)
            {
                fieldRef.DefaultString("apiVersion", "v1");
            }
        }
    }

    /// <summary>
    /// Always when the image's tag is "latest" or when it has neither tag nor digest (the tag then is "latest"),
    /// IfNotPresent otherwise.
    /// </summary>
    public static string PullPolicyFor(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var hasDigest = at >= 0;
        var name = hasDigest ? image[..at] : image;
        var lastSegment = name[(name.LastIndexOf('/') + 1)..];
        var colon = lastSegment.LastIndexOf(':');
        var tag = colon < 0 ? (hasDigest ? "" : "latest") : lastSegment[(colon + 1)..];
        return tag == "latest" ? "Always" : "IfNotPresent";
    }

    private static void ApplyProbe(JsonObject probe)
    {
        probe.Default("timeoutSeconds", 1);
        probe.Default("periodSeconds", 10);
        probe.Default("successThreshold", 1);
        probe.Default("failureThreshold", 3);
        ApplyHttpGet(probe.Obj("httpGet"));
    }

    private static void ApplyHttpGet(JsonObject? httpGet)
    {
        if (httpGet is null)
        {
            return;
        }
        httpGet.DefaultString("path", "/");
        httpGet.DefaultString("scheme", "HTTP");
    }

    private static void ApplyVolume(JsonObject volume)
    {
        var hasSource = volume.Any(p => p.Key != "name" && p.Value is not null);
        if (!hasSource)
        {
            volume["emptyDir"] = new JsonObject();
            return;
        }
        foreach (var source in new[] { "secret", "configMap", "downwardAPI", "projected" }.Select(volume.Obj).OfType<JsonObject>())
        {
            source.Default("defaultMode", DefaultVolumeMode);
        }
        foreach (var projection in (volume.Obj("projected")?.Arr("sources")).Objects())
        {
            projection.Obj("serviceAccountToken")?.Default("expirationSeconds", DefaultTokenExpirationSeconds);
        }
        if (volume.Obj("hostPath") is { } hostPath)
        {
            hostPath.Default("type", "");
        }
    }

    private static void CopyLimitsToRequests(JsonObject? resources)
    {
        if (resources?.Obj("limits") is not { Count: > 0 } limits)
        {
            return;
        }
        var requests = resources.Ensure("requests");
        foreach (var (name, quantity) in limits)
        {
            requests.Default(name, quantity?.DeepClone() ?? JsonValue.Create("0")!);
        }
    }
}
