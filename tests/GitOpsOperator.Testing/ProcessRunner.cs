using System.Diagnostics;
using System.Text;

namespace GitOpsOperator.Testing;

/// <summary>Runs test tools (kubectl, helm, git, bash…) as child processes with captured output and a deadline.</summary>
public static class ProcessRunner
{
    /// <summary>The full path of <paramref name="name"/> on PATH; throws when the test machine lacks it.</summary>
    public static string OnPath(string name)
    {
        var found = (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException($"{name} is not on PATH: these tests need the real {name}");
    }

    /// <summary>Runs the command to its end; throws <see cref="TimeoutException"/> (after killing the process tree) when it overruns.</summary>
    public static async Task<CommandResult> RunAsync(ProcessCommand command, CancellationToken cancellationToken = default)
    {
        using var process = new Process { StartInfo = StartInfo(command) };
        process.StartInfo.RedirectStandardInput = command.Input is not null;
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(command.Timeout);
        try
        {
            if (command.Input is not null)
            {
                await process.StandardInput.WriteAsync(command.Input.AsMemory(), deadline.Token);
                process.StandardInput.Close();
            }

            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{command} did not finish within {command.Timeout}");
        }

        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a long-running command whose output lines are collected as they are printed.</summary>
    public static RunningCommand Start(ProcessCommand command) => RunningCommand.Start(StartInfo(command));

    private static ProcessStartInfo StartInfo(ProcessCommand command)
    {
        var info = new ProcessStartInfo(command.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (command.WorkingDirectory is not null)
        {
            info.WorkingDirectory = command.WorkingDirectory;
        }

        foreach (var argument in command.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in command.Environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }
}
