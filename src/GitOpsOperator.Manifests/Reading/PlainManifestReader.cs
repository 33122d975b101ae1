namespace GitOpsOperator.Manifests.Reading;

/// <summary>Reads plain YAML/JSON files into candidate objects, enforcing the size and count limits before and while reading.</summary>
internal static class PlainManifestReader
{
    public static async Task<(List<ManifestCandidate> Candidates, List<RenderError> Errors)> ReadAsync(
        IReadOnlyList<ManifestFile> files, ManifestLimits limits, CancellationToken cancellationToken)
    {
        var candidates = new List<ManifestCandidate>();
        var errors = new List<RenderError>();
        long total = 0;
        foreach (var file in files)
        {
            var location = new SourceLocation(file.RepoPath);
            if (file.Size > limits.MaxFileBytes)
            {
                errors.Add(new RenderError($"file is {file.Size} bytes, more than the limit of {limits.MaxFileBytes} bytes", location));
                continue;
            }

            total += file.Size;
            if (total > limits.MaxTotalBytes)
            {
                errors.Add(new RenderError($"the path holds more than the limit of {limits.MaxTotalBytes} bytes of manifests", location));
                break;
            }

            byte[] content;
            try
            {
                content = await File.ReadAllBytesAsync(file.FullPath, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                errors.Add(new RenderError($"cannot read the file: {error.GetType().Name}", location));
                continue;
            }

            AddDocuments(content, file.RepoPath, limits, candidates, errors);
            if (candidates.Count > limits.MaxObjects)
            {
                errors.Add(new RenderError($"the path renders more than the limit of {limits.MaxObjects} objects", location));
                break;
            }
        }

        return (candidates, errors);
    }

    /// <summary>Parses one file's (or one kustomize output's) bytes and flattens its documents into candidates.</summary>
    public static void AddDocuments(byte[] content, string repoPath, ManifestLimits limits, List<ManifestCandidate> candidates, List<RenderError> errors)
    {
        try
        {
            foreach (var document in ManifestFileParser.Parse(content, repoPath, limits))
            {
                DocumentFlattener.Flatten(document, candidates, errors);
            }
        }
        catch (ManifestReadException error)
        {
            errors.Add(new RenderError(error.Message, new SourceLocation(repoPath, error.Line, error.Column)));
        }
    }
}
