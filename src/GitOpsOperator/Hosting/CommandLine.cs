namespace GitOpsOperator.Hosting;

/// <summary>
/// The operator's command line, turned into configuration keys of <see cref="OperatorOptions"/>; options take
/// "--name value" or "--name=value", flags stand alone.
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, string> ValueOptions = new(StringComparer.Ordinal)
    {
        ["--kubeconfig"] = nameof(OperatorOptions.Kubeconfig),
        ["--namespace"] = nameof(OperatorOptions.Namespace),
        ["--http-port"] = nameof(OperatorOptions.HttpPort),
        ["--http-address"] = nameof(OperatorOptions.HttpAddress),
        ["--log-format"] = nameof(OperatorOptions.LogFormat),
        ["--log-level"] = nameof(OperatorOptions.LogLevel),
        ["--concurrency"] = nameof(OperatorOptions.Concurrency),
        ["--lease-name"] = nameof(OperatorOptions.LeaseName),
        ["--lease-namespace"] = nameof(OperatorOptions.LeaseNamespace),
        ["--helm-binary"] = nameof(OperatorOptions.HelmBinary),
        ["--default-service-account"] = nameof(OperatorOptions.DefaultServiceAccount),
    };

    private static readonly HashSet<string> NumberOptions = [nameof(OperatorOptions.HttpPort), nameof(OperatorOptions.Concurrency)];

    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["--install-crds"] = nameof(OperatorOptions.InstallCrds),
        ["--leader-election"] = nameof(OperatorOptions.LeaderElection),
        ["--no-cross-namespace-refs"] = nameof(OperatorOptions.NoCrossNamespaceRefs),
    };

    public const string Usage = """
        Usage: gitops-operator [options]

        Keeps a Kubernetes cluster in the state a git repository describes (GitRepository and GitSync objects).

        Options:
          --kubeconfig PATH        kubeconfig to use (default: KUBECONFIG, then ~/.kube/config, then in-cluster)
          --install-crds           install or upgrade the GitRepository and GitSync CRDs at start-up
          --namespace NS           watch only this namespace (default: all namespaces)
          --http-port N            port of /healthz, /readyz, /metrics and /hooks (default: 8080; 0 picks a free port)
          --http-address IP        address to listen on (default: 0.0.0.0)
          --log-format FORMAT      console (default) or json
          --log-level LEVEL        Verbose, Debug, Information (default), Warning, Error or Fatal
          --concurrency N          objects of one kind reconciled at the same time (default: 4)
          --leader-election        reconcile only while holding the leader Lease (for several replicas)
          --lease-name NAME        the leader Lease (default: gitops-operator-leader)
          --lease-namespace NS     its namespace (default: POD_NAMESPACE, then --namespace, then default)
          --helm-binary PATH       the helm that renders charts (default: helm, looked up on PATH)
          --default-service-account NAME
                                   GitSyncs without spec.serviceAccountName write as this ServiceAccount
                                   of their own namespace (default: the operator's own identity)
          --no-cross-namespace-refs
                                   refuse a sourceRef, dependsOn or image policy marker naming
                                   another namespace (GitSyncs, ImageUpdateAutomations)
          -h, --help               show this help and exit

        Every option can also be set in appsettings.json (section "Operator") or the environment,
        e.g. Operator__LogFormat=json; the command line wins. Leader election's timing is set there only:
        LeaseDuration (default 00:00:15), RenewDeadline (00:00:10) and RetryPeriod (00:00:02).
        """;

    /// <summary>The parsed command line: help wanted (-h or --help anywhere), an error, or configuration settings.</summary>
    public static CommandLineResult Parse(IReadOnlyList<string> args)
    {
        if (args.Any(arg => arg is "-h" or "--help"))
        {
            return CommandLineResult.ShowHelp;
        }

        Dictionary<string, string?> settings = [];
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            if (Flags.TryGetValue(name, out var flagKey))
            {
                if (inlineValue is not null && !bool.TryParse(inlineValue, out _))
                {
                    return CommandLineResult.Failure($"{name} takes true or false, not \"{inlineValue}\"");
                }

                settings[Key(flagKey)] = inlineValue ?? "true";
                continue;
            }

            if (!ValueOptions.TryGetValue(name, out var key))
            {
                return CommandLineResult.Failure($"unknown option \"{args[i]}\"");
            }

            var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
            if (value is null)
            {
                return CommandLineResult.Failure($"{name} needs a value");
            }

            if (NumberOptions.Contains(key) && !int.TryParse(value, out _))
            {
                return CommandLineResult.Failure($"{name} takes a number, not \"{value}\"");
            }

            settings[Key(key)] = value;
        }

        return CommandLineResult.Run(settings);
    }

    private static string Key(string property) => $"{OperatorOptions.Section}:{property}";

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }
}
