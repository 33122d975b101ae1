using System.Globalization;

namespace GitOpsOperator.Bench;

/// <summary>
/// The benchmark's command line: `--minutes N` sets the length of the measured steady state; `--operator-env NAME=VALUE`
/// (repeatable) sets an environment variable of the operator process, e.g. a GC setting such as DOTNET_GCHeapHardLimit;
/// `--failover` runs the operator with leader election and, after the measurement, kills it under a standby replica.
/// `--unmanaged N` first fills the cluster with N objects the operator does not manage.
/// </summary>
internal static class BenchArguments
{
    public static bool Failover(string[] args) => args.Contains("--failover");

    public static double Minutes(string[] args, double defaultMinutes)
    {
        var at = Array.IndexOf(args, "--minutes");
        if (at < 0)
        {
            return defaultMinutes;
        }

        if (at + 1 >= args.Length || !double.TryParse(args[at + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) || minutes <= 0)
        {
            throw new ArgumentException("--minutes needs a positive number");
        }

        return minutes;
    }

    public static int Unmanaged(string[] args)
    {
        var at = Array.IndexOf(args, "--unmanaged");
        if (at < 0)
        {
            return 0;
        }

        if (at + 1 >= args.Length || !int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new ArgumentException("--unmanaged needs a count");
        }

        return count;
    }

    public static IReadOnlyDictionary<string, string> OperatorEnvironment(string[] args)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] != "--operator-env")
            {
                continue;
            }

            var setting = i + 1 < args.Length ? args[i + 1] : "";
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException("--operator-env needs NAME=VALUE");
            }

            environment[setting[..equals]] = setting[(equals + 1)..];
        }

        return environment;
    }
}
