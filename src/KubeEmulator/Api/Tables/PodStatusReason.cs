using System.Text.Json.Nodes;

namespace KubeEmulator.Api.Tables;

/// <summary>A Pod's STATUS cell as the server computes it: the phase, overridden by container waiting or termination reasons.</summary>
public static class PodStatusReason
{
    public static string Of(JsonObject pod)
    {
        var reason = ObjectFields.String(pod, "status", "reason") ?? ObjectFields.String(pod, "status", "phase") ?? "Unknown";
        var initReason = InitContainerReason(pod);
        if (initReason is not null)
        {
            reason = initReason;
        }
        else
        {
            foreach (var container in ObjectFields.Objects(pod, "status", "containerStatuses"))
            {
                reason = ObjectFields.String(container, "state", "waiting", "reason")
                    ?? TerminatedReason(container)
                    ?? reason;
            }
        }

        return ObjectFields.At(pod, "metadata", "deletionTimestamp") is not null ? "Terminating" : reason;
    }

    private static string? InitContainerReason(JsonObject pod)
    {
        var statuses = ObjectFields.Objects(pod, "status", "initContainerStatuses");
        for (var i = 0; i < statuses.Count; i++)
        {
            var status = statuses[i];
            if (ObjectFields.At(status, "state", "terminated") is JsonObject terminated)
            {
                if (ObjectFields.Integer(terminated, "exitCode") == 0)
                {
                    continue;
                }

                return "Init:" + (ObjectFields.String(terminated, "reason") ?? "Error");
            }

            var waiting = ObjectFields.String(status, "state", "waiting", "reason");
            return waiting is not null && waiting != "PodInitializing"
                ? "Init:" + waiting
                : $"Init:{i}/{ObjectFields.Count(pod, "spec", "initContainers")}";
        }

        return null;
    }

    private static string? TerminatedReason(JsonObject container)
    {
        if (ObjectFields.At(container, "state", "terminated") is not JsonObject terminated)
        {
            return null;
        }

        return ObjectFields.String(terminated, "reason")
            ?? (ObjectFields.OptionalInteger(terminated, "signal") is { } signal and not 0
                ? $"Signal:{signal}"
                : $"ExitCode:{ObjectFields.Integer(terminated, "exitCode")}");
    }
}
