namespace KubeEmulator.Controllers;

/// <summary>Times as the API server stores them: UTC, whole seconds.</summary>
internal static class Timestamps
{
    public static DateTime Now() => Truncate(DateTime.UtcNow);

    public static DateTime Truncate(DateTime time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
