using System.ComponentModel;
using System.Diagnostics;

namespace GitOpsOperator.Manifests.Tools;

/// <summary>
/// Runs a render tool as a child process, bounded in time and output size: a hung or runaway tool fails the render
/// instead of stalling the operator or exhausting its memory. The one way kustomize and helm are started.
/// </summary>
internal static class ToolProcess
{
    /// <summary>
    /// Runs <paramref name="command"/> (the executable and its leading arguments, as configured) followed by
    /// <paramref name="arguments"/>; <paramref name="environment"/> entries are added to the child's environment.
    /// </summary>
    public static async Task<ToolRun> RunAsync(
        string tool,
        IReadOnlyList<string> command,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        long maxOutputBytes,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in command.Skip(1).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception error)
        {
            return ToolRun.Refused($"cannot run {tool} ({string.Join(' ', command)}): {error.Message}");
        }

        try
        {
            var output = ReadLimitedAsync(process.StandardOutput.BaseStream, maxOutputBytes, deadline.Token);
            var diagnostics = process.StandardError.ReadToEndAsync(deadline.Token);
            // Output first: a tool past the limit is stopped (finally) rather than left blocked on a full pipe.
            if (await output.ConfigureAwait(false) is not { } bytes)
            {
                return ToolRun.Refused($"{tool} output is larger than the limit of {maxOutputBytes} bytes");
            }

            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            var stderr = await diagnostics.ConfigureAwait(false);
            return new ToolRun(process.ExitCode == 0 ? bytes : [], process.ExitCode, stderr, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ToolRun.Refused($"{tool} did not finish within {timeout.TotalSeconds:0} seconds");
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
}
