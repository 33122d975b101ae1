using System.Collections.Concurrent;
using GitOpsOperator.Api;
using GitOpsOperator.Controllers.GitRepositories;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// The artifact a GitSync's source offers now. The GitRepository informer may not have seen the status write that
/// announced a new artifact yet, so revisions announced through <see cref="ArtifactChangedNotifier"/> take precedence.
/// </summary>
public sealed class SourceArtifacts(GitRepositoryInformer repositories)
{
    private const string ShaMarker = "sha1:";

    private readonly ConcurrentDictionary<(string Namespace, string Name), string> announced = new();

    /// <summary>Waits until the GitRepositories are listed.</summary>
    public Task WaitUntilSyncedAsync(CancellationToken cancellationToken) => repositories.WaitUntilSyncedAsync(cancellationToken);

    /// <summary>Remembers a revision the GitRepository controller just published.</summary>
    public void Announced(ArtifactChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        announced[(change.Namespace, change.Name)] = change.Revision;
    }

    /// <summary>The source's artifact, or the message of an ArtifactFailed when it has none (or does not exist).</summary>
    public (Source.Artifact? Artifact, string? Failure) Resolve(GitSync gitSync)
    {
        ArgumentNullException.ThrowIfNull(gitSync);
        var source = gitSync.Spec.SourceRef;
        var namespaceName = source.Namespace ?? gitSync.Metadata.NamespaceProperty ?? "";
        var shown = $"{namespaceName}/{source.Name}";
        if (source.Kind != GitOpsApi.GitRepositoryKind)
        {
            return (null, $"sourceRef kind {source.Kind} is not supported (only {GitOpsApi.GitRepositoryKind})");
        }

        var repository = repositories.Get(new GitRepositoryKey(namespaceName, source.Name));
        if (repository is null)
        {
            return (null, $"GitRepository {shown} not found");
        }

        var revision = announced.GetValueOrDefault((namespaceName, source.Name)) ?? repository.Status?.Artifact?.Revision;
        var marker = revision?.LastIndexOf(ShaMarker, StringComparison.Ordinal) ?? -1;
        if (revision is null || marker < 0)
        {
            return (null, $"GitRepository {shown} has no artifact yet");
        }

        var sha = revision[(marker + ShaMarker.Length)..];
        var commit = repository.Status?.Artifact?.Revision == revision ? repository.Status.Artifact.Commit : null;
        var artifact = new Source.Artifact(
            repository.Spec.Url, revision, sha, commit?.Message ?? "", commit?.Author ?? "", commit?.Time ?? default, default);
        return (artifact, null);
    }
}
