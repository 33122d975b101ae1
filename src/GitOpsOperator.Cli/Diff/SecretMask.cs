namespace GitOpsOperator.Cli.Diff;

/// <summary>What a diff may show of a Secret: that a value changed, never the value (nor kubectl's last-applied copy of it).</summary>
public static class SecretMask
{
    public const string Masked = "***";

    public static bool Hides(string group, string kind, string path) =>
        group.Length == 0 && kind == "Secret"
        && (path.StartsWith("data", StringComparison.Ordinal)
            || path.StartsWith("stringData", StringComparison.Ordinal)
            || path.Contains("last-applied-configuration", StringComparison.Ordinal));
}
