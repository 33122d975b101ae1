using System.Net;
using GitOpsOperator.Machinery.Names;
using Serilog.Events;

namespace GitOpsOperator.Hosting;

/// <summary>What is wrong with a set of options, in words a person can act on; empty when nothing is.</summary>
public static class OptionsValidation
{
    public static IReadOnlyList<string> Problems(OperatorOptions options)
    {
        List<string> problems = [];
        if (options.HttpPort is < 0 or > 65535)
        {
            problems.Add($"http port {options.HttpPort} is not between 0 and 65535");
        }

        if (!IPAddress.TryParse(options.HttpAddress, out _))
        {
            problems.Add($"http address \"{options.HttpAddress}\" is not an IP address");
        }

        if (options.LogFormat is not (LogFormats.Console or LogFormats.Json))
        {
            problems.Add($"log format \"{options.LogFormat}\" is neither {LogFormats.Console} nor {LogFormats.Json}");
        }

        if (!Enum.TryParse<LogEventLevel>(options.LogLevel, ignoreCase: true, out _))
        {
            problems.Add($"log level \"{options.LogLevel}\" is not one of {string.Join(", ", Enum.GetNames<LogEventLevel>())}");
        }

        if (options.Concurrency < 1)
        {
            problems.Add($"concurrency {options.Concurrency} is less than 1");
        }

        if (options.Namespace is { Length: 0 })
        {
            problems.Add("namespace is empty (leave it out to watch all namespaces)");
        }

        if (options.DefaultServiceAccount is { Length: > 0 } account && NameRules.IsDns1123Subdomain(account) is [var invalid, ..])
        {
            problems.Add($"default service account \"{account}\" is not a ServiceAccount name: {invalid}");
        }

        problems.AddRange(LeaderElectionProblems(options));
        return problems;
    }

    private static IEnumerable<string> LeaderElectionProblems(OperatorOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.LeaseName))
        {
            yield return "lease name is empty";
        }

        if (options.LeaseNamespace is { Length: 0 })
        {
            yield return "lease namespace is empty (leave it out for the default)";
        }

        // The Lease records its duration in whole seconds.
        if (options.LeaseDuration < TimeSpan.FromSeconds(1))
        {
            yield return $"lease duration {options.LeaseDuration} is less than one second";
        }

        if (options.RetryPeriod <= TimeSpan.Zero)
        {
            yield return $"retry period {options.RetryPeriod} is not positive";
        }

        if (options.RenewDeadline >= options.LeaseDuration)
        {
            yield return $"renew deadline {options.RenewDeadline} is not shorter than the lease duration {options.LeaseDuration}";
        }

        if (options.RetryPeriod >= options.RenewDeadline)
        {
            yield return $"retry period {options.RetryPeriod} is not shorter than the renew deadline {options.RenewDeadline}";
        }
    }
}
