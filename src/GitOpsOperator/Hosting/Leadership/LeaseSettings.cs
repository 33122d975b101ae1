namespace GitOpsOperator.Hosting.Leadership;

/// <summary>Which Lease the replicas compete for, who this replica is, and the election's timing.</summary>
public sealed record LeaseSettings(string Namespace, string Name, string Identity)
{
    public const string PodNamespaceVariable = "POD_NAMESPACE";

    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Host name and process id: unique among replicas, and readable in the Lease's holderIdentity.</summary>
    public static string ProcessIdentity => $"{Environment.MachineName}_{Environment.ProcessId}";

    /// <summary>
    /// The settings for these options; the namespace is the configured one, else <paramref name="environment"/>'s
    /// POD_NAMESPACE (the chart sets it from the downward API), else the watched namespace, else "default".
    /// </summary>
    public static LeaseSettings From(OperatorOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var ns = options.LeaseNamespace
            ?? NonEmpty(environment(PodNamespaceVariable))
            ?? options.Namespace
            ?? "default";
        return new LeaseSettings(ns, options.LeaseName, ProcessIdentity)
        {
            LeaseDuration = options.LeaseDuration,
            RenewDeadline = options.RenewDeadline,
            RetryPeriod = options.RetryPeriod,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
