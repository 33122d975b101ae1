using System.Text.Json.Nodes;
using GitOpsOperator.Manifests.Reading;
using GitOpsOperator.Manifests.Tools;

namespace GitOpsOperator.Manifests.Helm;

/// <summary>
/// Renders a chart with <c>helm template</c>: the release's name and namespace, values in their order, the cluster's
/// capabilities, crds/ when asked, tests left out, and no network (helm's cache, config and data live in a private
/// directory that is deleted after, with secret values files). Objects name the template they came from.
/// </summary>
internal static class HelmTemplate
{
    /// <summary>Marks objects from a chart's crds/: helm never deletes them, so neither does prune.</summary>
    public const string PruneAnnotation = "gitops.operator.io/prune";

    public static async Task<(List<ManifestCandidate>, List<RenderError>, IReadOnlyList<string>)> RunAsync(
        RepoBoundary boundary, string directory, HelmRelease? release, ManifestOptions options, CancellationToken cancellationToken)
    {
        var chartPath = boundary.Relative(directory);
        IReadOnlyList<string> inputs = [chartPath];
        var shown = new SourceLocation(chartPath.Length == 0 ? "Chart.yaml" : $"{chartPath}/Chart.yaml");
        if (release is null)
        {
            return ([], [new RenderError("the path is a Helm chart: rendering it needs a release name and namespace", shown)], inputs);
        }

        var (chartName, guardErrors) = ChartGuard.Check(boundary, directory, options.Limits);
        var (valuesFiles, valuesErrors) = ResolveValuesFiles(boundary, release);
        if (guardErrors.Count > 0 || valuesErrors.Count > 0 || chartName is null)
        {
            return ([], [.. guardErrors, .. valuesErrors], inputs);
        }

        var scratch = Directory.CreateTempSubdirectory("gitops-helm-");
        try
        {
            var origins = valuesFiles.ToDictionary(file => file.Full, file => file.Shown);
            var arguments = Arguments(release, directory, valuesFiles.Select(file => file.Full));
            for (var i = 0; i < release.Values.Count; i++)
            {
                var path = Path.Combine(scratch.FullName, $"values-{i}.yaml");
                await File.WriteAllTextAsync(path, release.Values[i].Content, cancellationToken).ConfigureAwait(false);
                origins[path] = release.Values[i].Origin;
                arguments.AddRange(["--values", path]);
            }

            var run = await ToolProcess.RunAsync(
                "helm", [options.HelmBinary], arguments, directory, Environment(scratch.FullName), options.HelmTimeout, options.Limits.MaxTotalBytes, cancellationToken).ConfigureAwait(false);
            var errors = new HelmErrors(chartName, chartPath, boundary.Root, origins, new SecretScrubber(release.Values));
            if (run.Failure is { } failure)
            {
                return ([], [new RenderError(failure, shown)], inputs);
            }

            if (!run.Succeeded)
            {
                return ([], [errors.Describe(run.Stderr)], inputs);
            }

            return Read(run.Output, errors, options.Limits, shown, inputs);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static (List<ManifestCandidate>, List<RenderError>, IReadOnlyList<string>) Read(
        byte[] output, HelmErrors errors, ManifestLimits limits, SourceLocation shown, IReadOnlyList<string> inputs)
    {
        var candidates = new List<ManifestCandidate>();
        var problems = new List<RenderError>();
        foreach (var (template, content) in HelmOutput.Split(output))
        {
            var file = errors.RepoPath(template);
            var read = new List<ManifestCandidate>();
            PlainManifestReader.AddDocuments(content, file, limits, read, problems);
            var fromCrds = template.Contains("/crds/", StringComparison.Ordinal);
            foreach (var candidate in read.Where(c => !ChartHooks.IsTest(c.Json)))
            {
                if (fromCrds)
                {
                    MarkNeverPruned(candidate.Json);
                }

                candidates.Add(candidate with { Location = new SourceLocation(file) });
            }
        }

        if (candidates.Count > limits.MaxObjects)
        {
            problems.Add(new RenderError($"the chart renders more than the limit of {limits.MaxObjects} objects", shown));
        }

        return (candidates, problems, inputs);
    }

    private static List<string> Arguments(HelmRelease release, string directory, IEnumerable<string> valuesFiles)
    {
        var arguments = new List<string> { "template", release.Name, directory, "--namespace", release.Namespace, "--skip-tests" };
        if (release.IncludeCrds)
        {
            arguments.Add("--include-crds");
        }

        if (release.Capabilities is { } capabilities)
        {
            if (capabilities.KubeVersion.Length > 0)
            {
                arguments.AddRange(["--kube-version", capabilities.KubeVersion]);
            }

            foreach (var apiVersion in capabilities.ApiVersions)
            {
                arguments.AddRange(["--api-versions", apiVersion]);
            }
        }

        foreach (var file in valuesFiles)
        {
            arguments.AddRange(["--values", file]);
        }

        return arguments;
    }

    private static (List<(string Full, string Shown)> Files, List<RenderError> Errors) ResolveValuesFiles(RepoBoundary boundary, HelmRelease release)
    {
        var files = new List<(string, string)>();
        var errors = new List<RenderError>();
        foreach (var file in release.ValuesFiles)
        {
            var shown = file.TrimStart('.', '/');
            var real = boundary.Resolve(file);
            if (real is null)
            {
                errors.Add(new RenderError($"values file \"{file}\" leaves the repository root", new SourceLocation(shown)));
            }
            else if (!File.Exists(real))
            {
                errors.Add(new RenderError($"values file \"{file}\" does not exist in the repository", new SourceLocation(shown)));
            }
            else
            {
                files.Add((real, boundary.Relative(real)));
            }
        }

        return (files, errors);
    }

    // helm reads its repositories, plugins and cache from these; empty private ones mean nothing is fetched or run.
    private static Dictionary<string, string> Environment(string scratch) => new()
    {
        ["HELM_CACHE_HOME"] = Path.Combine(scratch, "cache"),
        ["HELM_CONFIG_HOME"] = Path.Combine(scratch, "config"),
        ["HELM_DATA_HOME"] = Path.Combine(scratch, "data"),
    };

    private static void MarkNeverPruned(JsonObject json)
    {
        var metadata = json["metadata"] as JsonObject ?? [];
        json["metadata"] = metadata;
        var annotations = metadata["annotations"] as JsonObject ?? [];
        metadata["annotations"] = annotations;
        annotations[PruneAnnotation] = "disabled";
    }
}
