namespace GitOpsOperator.Manifests.Reading;

/// <summary>A manifest file found under the rendered path: its repo-relative name, real path on disk and size.</summary>
internal sealed record ManifestFile(string RepoPath, string FullPath, long Size);
