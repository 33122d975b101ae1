namespace KubeEmulator.Introspection;

/// <summary>What a matching request gets instead of (or before) its answer.</summary>
public enum FaultAction
{
    /// <summary>An error Status with <see cref="FaultRule.StatusCode"/>.</summary>
    Fail,

    /// <summary>The normal answer, after <see cref="FaultRule.Delay"/>.</summary>
    Delay,

    /// <summary>The connection is closed without an answer.</summary>
    Drop,
}
