using KubeEmulator.Controllers;

namespace KubeEmulator.Tests.Core;

/// <summary>Cluster options for tests that do not need the simulated controllers.</summary>
internal static class Quiet
{
    public static EmulatorOptions Options { get; } = new() { Controllers = new ControllerOptions { Enabled = false } };

    public static Task<EmulatedCluster> StartAsync() => EmulatedCluster.StartAsync(Options);
}
