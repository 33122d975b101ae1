namespace GitOpsOperator.Controllers.GitSyncs.Targets;

/// <summary>The cluster a GitSync syncs with, or the Ready=False reason and message saying why it has none now.</summary>
public sealed record TargetResolution(SyncTarget? Target, string Reason, string Message)
{
    public static TargetResolution Found(SyncTarget target) => new(target, "", "");

    public static TargetResolution Refused(string reason, string message) => new(null, reason, message);
}
