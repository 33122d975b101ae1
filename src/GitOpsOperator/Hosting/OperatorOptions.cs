namespace GitOpsOperator.Hosting;

/// <summary>
/// The operator's settings: the "Operator" section of appsettings.json, environment variables
/// (Operator__HttpPort=9090) and the command line, the latter winning.
/// </summary>
public sealed record OperatorOptions
{
    public const string Section = "Operator";

    /// <summary>A kubeconfig file; when unset: KUBECONFIG, then ~/.kube/config, then the in-cluster service account.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>Install or upgrade the CRDs at start-up and wait until they are Established.</summary>
    public bool InstallCrds { get; init; }

    /// <summary>Watch and reconcile only this namespace; all namespaces when unset.</summary>
    public string? Namespace { get; init; }

    /// <summary>How many objects of one kind are reconciled at the same time.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Port of /healthz and /readyz (0 picks a free one).</summary>
    public int HttpPort { get; init; } = 8080;

    /// <summary>Address the HTTP endpoints listen on.</summary>
    public string HttpAddress { get; init; } = "0.0.0.0";

    /// <summary>"console" (readable) or "json" (compact JSON, one event per line).</summary>
    public string LogFormat { get; init; } = LogFormats.Console;

    /// <summary>Verbose, Debug, Information, Warning, Error or Fatal.</summary>
    public string LogLevel { get; init; } = "Information";

    /// <summary>Reconcile only while this process holds the leader-election Lease (for more than one replica).</summary>
    public bool LeaderElection { get; init; }

    /// <summary>The helm binary charts are rendered with: a path, or a name looked up on PATH.</summary>
    public string HelmBinary { get; init; } = "helm";

    /// <summary>Name of the leader-election Lease.</summary>
    public string LeaseName { get; init; } = "gitops-operator-leader";

    /// <summary>Namespace of the Lease; when unset: POD_NAMESPACE, then <see cref="Namespace"/>, then "default".</summary>
    public string? LeaseNamespace { get; init; }

    /// <summary>How long a Lease not renewed keeps the other replicas waiting.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it stops reconciling.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the leader renews and the others try to acquire.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The ServiceAccount (in its own namespace) a GitSync without spec.serviceAccountName writes as; the operator itself when unset.</summary>
    public string? DefaultServiceAccount { get; init; }

    /// <summary>Refuse (AccessDenied, Stalled) a GitSync whose sourceRef or dependsOn names another namespace.</summary>
    public bool NoCrossNamespaceRefs { get; init; }
}
