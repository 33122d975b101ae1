using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitOpsOperator.Manifests.Helm;

/// <summary>
/// Masks the values of secret values documents in text helm wrote (its errors may quote a value), so that a Secret's
/// content never reaches a log, an Event, a status or <c>kubectl gitops diff</c>.
/// </summary>
public sealed class SecretScrubber
{
    private const string Mask = "***";
    private const int ShortestMasked = 3;
    private readonly List<string> secrets;

    public SecretScrubber(IEnumerable<HelmValues> values)
    {
        secrets = values.Where(v => v.Sensitive)
            .SelectMany(v => ScalarValues(v.Content))
            .Where(text => text.Length >= ShortestMasked)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(text => text.Length)
            .ToList();
    }

    public string Scrub(string text) =>
        secrets.Aggregate(text, (current, secret) => current.Replace(secret, Mask, StringComparison.Ordinal));

    // A document that is not YAML is masked line by line: helm's error about it may quote any line.
    private static IEnumerable<string> ScalarValues(string content)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(content));
        }
        catch (YamlException)
        {
            return content.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }

        return stream.Documents.SelectMany(document => Values(document.RootNode));
    }

    // Keys are names the chart's templates use, not secrets: only values are masked.
    private static IEnumerable<string> Values(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlMappingNode mapping => mapping.Children.Values.SelectMany(Values),
        YamlSequenceNode sequence => sequence.Children.SelectMany(Values),
        _ => [],
    };
}
