namespace KubeEmulator.Controllers;

/// <summary>How the simulated cluster controllers behave (on by default; tests switch them off or slow them down).</summary>
public sealed record ControllerOptions
{
    public bool Enabled { get; init; } = true;

    /// <summary>How long a workload takes to report ready after a change.</summary>
    public TimeSpan ReadyDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A container image containing this text never becomes ready (for health-timeout tests).</summary>
    public string NeverReadyImageMarker { get; init; } = "never-ready";

    /// <summary>A container image containing this text fails its rollout (Progressing=False, ProgressDeadlineExceeded).</summary>
    public string FailImageMarker { get; init; } = "fail-rollout";

    /// <summary>User-Agent the controllers send, so request counts can leave their traffic out.</summary>
    public const string UserAgent = "kube-emulator-controllers";
}
