using GitOpsOperator.Manifests.Reading;
using GitOpsOperator.Manifests.Tools;

namespace GitOpsOperator.Manifests.Kustomize;

/// <summary>
/// Runs kustomize on a checked kustomization, with a timeout and the load restrictor on, and reads its output.
/// Objects name the kustomization file as their source: kustomize output has no lines that mean anything to a user.
/// </summary>
internal static class KustomizeBuild
{
    public static async Task<(List<ManifestCandidate>, List<RenderError>, IReadOnlyList<string>)> RunAsync(
        RepoBoundary boundary, string directory, string kustomizationFile, ManifestOptions options, CancellationToken cancellationToken)
    {
        var shown = boundary.Relative(kustomizationFile);
        var (guardErrors, inputs) = KustomizationGuard.Check(boundary, directory, options.Limits);
        if (guardErrors.Count > 0)
        {
            return ([], [.. guardErrors], inputs);
        }

        var run = await ExecuteAsync(boundary, directory, options, cancellationToken).ConfigureAwait(false);
        if (run.Failure is { } failure)
        {
            return ([], [new RenderError(failure, new SourceLocation(shown))], inputs);
        }

        var candidates = new List<ManifestCandidate>();
        var errors = new List<RenderError>();
        PlainManifestReader.AddDocuments(run.Output, shown, options.Limits, candidates, errors);
        var placed = candidates.Select(c => c with { Location = c.Location with { Line = null, Column = null } }).ToList();
        if (placed.Count > options.Limits.MaxObjects)
        {
            errors.Add(new RenderError($"the kustomization renders more than the limit of {options.Limits.MaxObjects} objects", new SourceLocation(shown)));
        }

        return (placed, errors, inputs);
    }

    private static async Task<(byte[] Output, string? Failure)> ExecuteAsync(
        RepoBoundary boundary, string directory, ManifestOptions options, CancellationToken cancellationToken)
    {
        var command = options.KustomizeCommand ?? DefaultCommand();
        var run = await ToolProcess.RunAsync(
            "kustomize",
            command,
            [directory, "--load-restrictor", "LoadRestrictionsRootOnly"],
            directory,
            new Dictionary<string, string>(),
            options.KustomizeTimeout,
            options.Limits.MaxTotalBytes,
            cancellationToken).ConfigureAwait(false);
        return run.Failure is { } failure ? ([], failure)
            : run.ExitCode == 0 ? (run.Output, null)
            : ([], "kustomize build failed: " + Sanitize(run.Stderr, boundary.Root));
    }

    // Paths in kustomize's messages are absolute paths of the export; users know them repo-relative.
    private static string Sanitize(string stderr, string root) =>
        stderr.Replace(root + "/", "", StringComparison.Ordinal).Replace(root, ".", StringComparison.Ordinal).Trim();

    private static IReadOnlyList<string> DefaultCommand()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var standalone = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, "kustomize")));
        return standalone ? ["kustomize", "build"] : ["kubectl", "kustomize"];
    }
}
