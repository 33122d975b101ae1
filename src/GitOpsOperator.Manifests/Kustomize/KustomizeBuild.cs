using System.ComponentModel;
using System.Diagnostics;
using GitOpsOperator.Manifests.Reading;

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
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in command.Skip(1).Concat([directory, "--load-restrictor", "LoadRestrictionsRootOnly"]))
        {
            start.ArgumentList.Add(argument);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.KustomizeTimeout);
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception error)
        {
            return ([], $"cannot run kustomize ({string.Join(' ', command)}): {error.Message}");
        }

        try
        {
            var output = ReadLimitedAsync(process.StandardOutput.BaseStream, options.Limits.MaxTotalBytes, timeout.Token);
            var diagnostics = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            var bytes = await output.ConfigureAwait(false);
            var stderr = await diagnostics.ConfigureAwait(false);
            if (bytes is null)
            {
                return ([], $"kustomize output is larger than the limit of {options.Limits.MaxTotalBytes} bytes");
            }

            return process.ExitCode == 0
                ? (bytes, null)
                : ([], "kustomize build failed: " + Sanitize(stderr, boundary.Root));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ([], $"kustomize did not finish within {options.KustomizeTimeout.TotalSeconds:0} seconds");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
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
