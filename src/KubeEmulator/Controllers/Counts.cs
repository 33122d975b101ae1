namespace KubeEmulator.Controllers;

/// <summary>Status counters the real controllers leave out when they are zero.</summary>
internal static class Counts
{
    public static int? OmitZero(int value) => value == 0 ? null : value;
}
