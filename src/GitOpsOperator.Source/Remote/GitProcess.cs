using System.Diagnostics;

namespace GitOpsOperator.Source.Remote;

/// <summary>
/// Runs the git CLI. A process, unlike a libgit2 call, can be abandoned: when the timeout passes it is killed
/// with its children (remote helpers, ssh), so a stalled server never holds a caller or a lock.
/// </summary>
internal static class GitProcess
{
    /// <summary>Runs git with the arguments; a timeout is a result (<see cref="GitProcessResult.TimedOut"/>), cancellation throws.</summary>
    public static async Task<GitProcessResult> RunAsync(
        IReadOnlyList<string> arguments, GitEnvironment environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var start = GitStartInfo.For(arguments);
        environment.ApplyTo(start.Environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("git could not be started");
        process.StandardInput.Close();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var output = new MemoryStream();
        var outputCopy = process.StandardOutput.BaseStream.CopyToAsync(output, CancellationToken.None);
        var errorRead = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var abandoned = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            abandoned = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        await outputCopy.ConfigureAwait(false);
        var error = await errorRead.ConfigureAwait(false);
        return new GitProcessResult(abandoned ? -1 : process.ExitCode, output.ToArray(), environment.Scrub(error), abandoned);
    }
}
