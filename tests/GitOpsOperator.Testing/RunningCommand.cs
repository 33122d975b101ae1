using System.Diagnostics;

namespace GitOpsOperator.Testing;

/// <summary>A command still running (kubectl get -w, a server); its stdout lines are collected until it is disposed, which kills its tree.</summary>
public sealed class RunningCommand : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly Process process;
    private readonly List<string> lines = [];

    private RunningCommand(Process process) => this.process = process;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }

    /// <summary>Waits until a printed line satisfies the predicate; false when the deadline passes first.</summary>
    public async Task<bool> WaitForLineAsync(Func<string, bool> predicate, TimeSpan deadline, CancellationToken cancellationToken = default)
    {
        var until = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < until)
        {
            if (Lines.Any(predicate))
            {
                return true;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return false;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    internal static RunningCommand Start(ProcessStartInfo info)
    {
        var process = new Process { StartInfo = info };
        var command = new RunningCommand(process);
        process.OutputDataReceived += (_, e) => command.Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return command;
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }
    }
}
