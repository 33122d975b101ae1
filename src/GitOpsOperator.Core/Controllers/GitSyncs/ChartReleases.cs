using System.Security.Cryptography;
using System.Text;
using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Manifests.Helm;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// Turns a chart GitSync's spec into the release it renders as: the release name (the GitSync's name by default, at
/// most 53 characters) in spec.targetNamespace (required), values files, valuesFrom and inline values in that order,
/// and the cluster's capabilities. A spec that cannot work is <see cref="Reasons.InvalidSpec"/>. The operator reads
/// values files from the commit, <c>kubectl gitops diff|build</c> from a local checkout.
/// </summary>
public sealed class ChartReleases(ChartValuesReader valuesReader)
{
    /// <summary>
    /// The release of the chart at <paramref name="chartPath"/>, or the Ready reason and message of why the GitSync
    /// cannot render it; <paramref name="readFile"/> reads a repo-root-relative file, null when it is not there.
    /// </summary>
    public async Task<(ChartRelease? Release, string? Reason, string? Message)> PrepareAsync(
        GitSync gitSync, string chartPath, Func<string, byte[]?> readFile, ClusterApiScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gitSync);
        ArgumentNullException.ThrowIfNull(readFile);
        ArgumentNullException.ThrowIfNull(scope);
        var spec = gitSync.Spec.Helm ?? new HelmSpec();
        var namespaceName = gitSync.Metadata.NamespaceProperty ?? "";
        var releaseName = spec.ReleaseName ?? gitSync.Metadata.Name ?? "";
        if (string.IsNullOrEmpty(gitSync.Spec.TargetNamespace))
        {
            return (null, Reasons.InvalidSpec, $"path \"{chartPath}\" is a Helm chart: spec.targetNamespace is required (the release namespace)");
        }

        if (releaseName.Length > HelmRelease.MaxNameLength)
        {
            return (null, Reasons.InvalidSpec, $"spec.helm.releaseName \"{releaseName}\" is longer than helm's limit of {HelmRelease.MaxNameLength} characters");
        }

        var values = new List<HelmValues>();
        foreach (var reference in spec.ValuesFrom)
        {
            var (read, problem) = await valuesReader.ReadAsync(namespaceName, reference, cancellationToken).ConfigureAwait(false);
            if (read is null)
            {
                return (null, Reasons.InvalidSpec, problem);
            }

            values.Add(read);
        }

        if (spec.Values is { } inline)
        {
            values.Add(new HelmValues("spec.helm.values", inline.ToJsonString(), Sensitive: false));
        }

        var (capabilities, unanswered) = await scope.CapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        if (capabilities is null)
        {
            return (null, Reasons.ApplyFailed, unanswered);
        }

        var release = new HelmRelease(releaseName, gitSync.Spec.TargetNamespace)
        {
            ValuesFiles = spec.ValuesFiles,
            Values = values,
            IncludeCrds = spec.IncludeCrds,
            Capabilities = capabilities,
        };
        var (present, key) = KeyOf(release, readFile);
        return (new ChartRelease(release, present, key), null, null);
    }

    /// <summary>The values files present, and a hash over every input of the render but the chart's own tree.</summary>
    private static (IReadOnlyList<string> Present, string Key) KeyOf(HelmRelease release, Func<string, byte[]?> readFile)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }

        Add(release.Name);
        Add(release.Namespace);
        Add(release.IncludeCrds ? "crds" : "no-crds");
        var present = new List<string>();
        foreach (var file in release.ValuesFiles)
        {
            Add(file);
            if (readFile(file) is { } bytes)
            {
                present.Add(file);
                hash.AppendData(SHA256.HashData(bytes));
            }
        }

        foreach (var values in release.Values)
        {
            Add(values.Origin);
            Add(values.Content);
        }

        Add(release.Capabilities!.KubeVersion);
        release.Capabilities.ApiVersions.ToList().ForEach(Add);
        return (present, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
