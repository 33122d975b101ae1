using System.Globalization;
using GitOpsOperator.Tests.Support;
using Prometheus;

namespace GitOpsOperator.Tests.Metrics;

/// <summary>One scrape in the Prometheus text format: every sample by name and labels.</summary>
internal sealed class Scrape
{
    private readonly List<(string Name, IReadOnlyDictionary<string, string> Labels, double Value)> samples;

    private Scrape(string text)
    {
        Text = text;
        samples = [.. text.Split('\n').Where(line => line.Length > 0 && !line.StartsWith('#')).Select(ParseLine)];
    }

    public string Text { get; }

    public static async Task<Scrape> FromAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return new Scrape(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static async Task<Scrape> FromAsync(Uri operatorAddress)
    {
        using var http = new HttpClient();
        return new Scrape(await http.GetStringAsync(new Uri(operatorAddress, "/metrics")));
    }

    /// <summary>
    /// Scrapes until the condition holds (a reconcile is counted once its handler returns, just after the status
    /// a test waits for was written) and returns that scrape.
    /// </summary>
    public static async Task<Scrape> UntilAsync(Uri operatorAddress, Func<Scrape, bool> condition, string what)
    {
        var scrape = await FromAsync(operatorAddress);
        await Eventually.TrueAsync(
            async () =>
            {
                scrape = await FromAsync(operatorAddress);
                return condition(scrape);
            },
            what);
        return scrape;
    }

    /// <summary>The sample with this name whose labels include all of the given ones; null when there is none.</summary>
    public double? Value(string name, params (string Label, string Value)[] labels) =>
        samples
            .Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value))
            .Select(s => (double?)s.Value)
            .FirstOrDefault();

    /// <summary>The values of one label across the samples of a name.</summary>
    public IReadOnlyList<string> LabelValues(string name, string label) =>
        [.. samples.Where(s => s.Name == name && s.Labels.ContainsKey(label)).Select(s => s.Labels[label])];

    private static (string, IReadOnlyDictionary<string, string>, double) ParseLine(string line)
    {
        var valueStart = line.LastIndexOf(' ');
        var series = line[..valueStart];
        var value = double.Parse(line[(valueStart + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
        var brace = series.IndexOf('{', StringComparison.Ordinal);
        if (brace < 0)
        {
            return (series, new Dictionary<string, string>(), value);
        }

        var labels = series[(brace + 1)..^1]
            .Split("\",", StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split("=\"", 2))
            .ToDictionary(pair => pair[0], pair => pair[1].TrimEnd('"'));
        return (series[..brace], labels, value);
    }
}
