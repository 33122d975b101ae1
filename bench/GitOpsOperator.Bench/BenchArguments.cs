using System.Globalization;

namespace GitOpsOperator.Bench;

/// <summary>
/// The benchmark's command line: `--minutes N` sets the length of the measured steady state; `--operator-env NAME=VALUE`
/// (repeatable) sets an environment variable of the operator process, e.g. a GC setting such as DOTNET_GCHeapHardLimit;
/// `--failover` runs the operator with leader election and, after the measurement, kills it under a standby replica.
/// `--unmanaged N` first fills the cluster with N objects the operator does not manage.
/// `--gitsyncs N [--objects M] [--touches K]` runs issue #18's scale shape instead (N GitSyncs of M ConfigMaps each, K touched
/// commits); `--operator-arg ARG` (repeatable) passes an argument to the operator, e.g. `--operator-arg --concurrency`.
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

    public static int GitSyncs(string[] args) => Count(args, "--gitsyncs", 0);

    public static int Objects(string[] args, int defaultObjects) => Count(args, "--objects", defaultObjects);

    public static int Touches(string[] args, int defaultTouches) => Count(args, "--touches", defaultTouches);

    public static string[] OperatorArguments(string[] args) =>
        [.. args.Select((arg, i) => (arg, i)).Where(a => a.i > 0 && args[a.i - 1] == "--operator-arg").Select(a => a.arg)];

    private static int Count(string[] args, string flag, int defaultCount)
    {
        var at = Array.IndexOf(args, flag);
        if (at < 0)
        {
            return defaultCount;
        }

        if (at + 1 >= args.Length || !int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            throw new ArgumentException($"{flag} needs a positive count");
        }

        return count;
    }
}
