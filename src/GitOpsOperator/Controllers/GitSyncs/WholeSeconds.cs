namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>The API stores times to the second; a time written must equal the one read back.</summary>
public static class WholeSeconds
{
    public static DateTimeOffset Of(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
