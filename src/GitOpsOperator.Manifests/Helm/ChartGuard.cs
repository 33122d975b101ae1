using System.Text.Json.Nodes;
using GitOpsOperator.Manifests.Reading;

namespace GitOpsOperator.Manifests.Helm;

/// <summary>
/// Checks a chart before helm runs: no file or symlink leaves the repository root, and every dependency is vendored
/// under charts/ (a directory or a .tgz), since a render has no network and never runs <c>helm dependency update</c>.
/// </summary>
internal sealed class ChartGuard
{
    private const string ChartFile = "Chart.yaml";

    private readonly RepoBoundary boundary;
    private readonly ManifestLimits limits;
    private readonly List<RenderError> errors = [];

    private ChartGuard(RepoBoundary boundary, ManifestLimits limits)
    {
        this.boundary = boundary;
        this.limits = limits;
    }

    public static bool IsChart(string directory) => File.Exists(Path.Combine(directory, ChartFile));

    /// <summary>Checks the chart in <paramref name="directory"/> and its vendored subcharts; returns the chart's name (as helm names its templates) and the problems found.</summary>
    public static (string? Name, IReadOnlyList<RenderError> Errors) Check(RepoBoundary boundary, string directory, ManifestLimits limits)
    {
        var guard = new ChartGuard(boundary, limits);
        guard.CheckLinks(directory);
        var name = guard.CheckChart(directory);
        return (name, guard.errors);
    }

    private string? CheckChart(string directory)
    {
        var shown = boundary.Relative(Path.Combine(directory, ChartFile));
        if (ReadYaml(Path.Combine(directory, ChartFile), shown) is not { } chart)
        {
            return null;
        }

        var name = Text(chart["name"]);
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new RenderError("Chart.yaml has no name", new SourceLocation(shown)));
        }

        var requirements = Path.Combine(directory, "requirements.yaml");
        var dependencies = chart["dependencies"] as JsonArray
            ?? (File.Exists(requirements) ? ReadYaml(requirements, boundary.Relative(requirements))?["dependencies"] as JsonArray : null)
            ?? [];
        foreach (var dependency in dependencies.OfType<JsonObject>())
        {
            if (Text(dependency["name"]) is { Length: > 0 } dependencyName)
            {
                CheckVendored(directory, dependencyName, shown);
            }
        }

        return name;
    }

    private void CheckVendored(string directory, string dependency, string shownChart)
    {
        var charts = Path.Combine(directory, "charts");
        var unpacked = Path.Combine(charts, dependency);
        if (IsChart(unpacked))
        {
            CheckChart(unpacked);
            return;
        }

        var packed = Directory.Exists(charts) && Directory.EnumerateFiles(charts, dependency + "-*.tgz").Any();
        if (!packed)
        {
            errors.Add(new RenderError(
                $"dependency \"{dependency}\" is not vendored under {boundary.Relative(charts)}/: rendering has no network; run `helm dependency build` and commit charts/",
                new SourceLocation(shownChart)));
        }
    }

    private void CheckLinks(string directory)
    {
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            if (entry.LinkTarget is not null && boundary.ResolveAbsolute(entry.FullName) is null)
            {
                errors.Add(new RenderError("symlink points outside the repository", new SourceLocation(boundary.Relative(entry.FullName))));
            }
        }
    }

    private JsonObject? ReadYaml(string path, string shown)
    {
        var candidates = new List<ManifestCandidate>();
        var found = new List<RenderError>();
        PlainManifestReader.AddDocuments(File.ReadAllBytes(path), shown, limits, candidates, found);
        errors.AddRange(found);
        return found.Count == 0 ? candidates.FirstOrDefault()?.Json : null;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
