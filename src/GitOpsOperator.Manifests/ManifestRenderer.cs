using GitOpsOperator.Manifests.Helm;
using GitOpsOperator.Manifests.Kustomize;
using GitOpsOperator.Manifests.Reading;
using GitOpsOperator.Manifests.Validation;

namespace GitOpsOperator.Manifests;

/// <summary>
/// Renders one path of an exported repository tree into validated objects: plain YAML/JSON, a kustomization
/// when the path holds one, or a Helm chart when it holds a Chart.yaml. Never talks to a cluster; every failure comes back as a value naming file and line.
/// </summary>
public sealed class ManifestRenderer(ManifestOptions options)
{
    public ManifestRenderer()
        : this(new ManifestOptions())
    {
    }

    /// <summary>Renders <see cref="RenderRequest.Path"/>; the result holds objects, "empty", or the errors that stopped it.</summary>
    public async Task<RenderResult> RenderAsync(RenderRequest request, CancellationToken cancellationToken)
    {
        var boundary = new RepoBoundary(request.RepoRoot);
        var shownPath = request.Path.Length == 0 ? "./" : request.Path;
        if (boundary.Resolve(request.Path) is not { } top)
        {
            return RenderResult.Failed(new RenderError($"path \"{shownPath}\" leaves the repository root"));
        }

        if (!Directory.Exists(top) && !File.Exists(top))
        {
            return RenderResult.Failed(new RenderError($"path \"{shownPath}\" does not exist in the repository"));
        }

        var kustomization = Directory.Exists(top) ? KustomizationGuard.FindKustomization(top) : null;
        var chart = Directory.Exists(top) && ChartGuard.IsChart(top);
        if (chart && kustomization is not null)
        {
            return RenderResult.Failed(new RenderError(
                $"path \"{shownPath}\" holds both Chart.yaml and {Path.GetFileName(kustomization)}: a path is either a Helm chart or a kustomization",
                new SourceLocation(boundary.Relative(kustomization))));
        }

        var (candidates, errors, inputs) = chart ? await HelmTemplate.RunAsync(boundary, top, request.Helm, options, cancellationToken).ConfigureAwait(false)
            : kustomization is null ? await ReadPlainAsync(boundary, top, cancellationToken).ConfigureAwait(false)
            : await KustomizeBuild.RunAsync(boundary, top, kustomization, options, cancellationToken).ConfigureAwait(false);
        // Validate what could be read even when some files could not, so one run reports every problem.
        var (objects, invalid) = ObjectValidator.Validate(candidates, request.ApiScope, request.TargetNamespace);
        errors.AddRange(invalid);
        if (errors.Count > 0)
        {
            return RenderResult.Failed(errors, inputs);
        }

        if (!chart)
        {
            return RenderResult.Rendered(objects, inputs);
        }

        var (released, hooks) = ChartHooks.Split(objects);
        return RenderResult.Rendered(released, hooks, inputs);
    }

    private async Task<(List<ManifestCandidate>, List<RenderError>, IReadOnlyList<string>)> ReadPlainAsync(
        RepoBoundary boundary, string top, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> inputs = [boundary.Relative(top)];
        IReadOnlyList<ManifestFile> files;
        IReadOnlyList<RenderError> walkErrors;
        if (File.Exists(top))
        {
            files = [new ManifestFile(boundary.Relative(top), top, new FileInfo(top).Length)];
            walkErrors = [];
        }
        else
        {
            (files, walkErrors) = ManifestFileWalker.Walk(boundary, top);
        }

        if (walkErrors.Count > 0)
        {
            return ([], [.. walkErrors], inputs);
        }

        var (candidates, errors) = await PlainManifestReader.ReadAsync(files, options.Limits, cancellationToken).ConfigureAwait(false);
        return (candidates, errors, inputs);
    }
}
