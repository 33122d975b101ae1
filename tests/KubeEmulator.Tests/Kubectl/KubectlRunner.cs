using System.Diagnostics;
using System.Text;

namespace KubeEmulator.Tests.Kubectl;

/// <summary>Runs the real kubectl (from PATH) against a cluster's kubeconfig and captures what it prints.</summary>
internal sealed class KubectlRunner(string kubeconfigPath)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public Task<CommandResult> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    public Task<CommandResult> RunWithInputAsync(string? stdin, params string[] args) =>
        Tool.RunAsync(Tool.OnPath("kubectl"), ["--kubeconfig", kubeconfigPath, .. args], stdin, DefaultTimeout);

    /// <summary>Starts a long-running kubectl (get -w) whose output lines arrive as they are printed.</summary>
    public RunningCommand Start(params string[] args) => RunningCommand.Start(Tool.OnPath("kubectl"), ["--kubeconfig", kubeconfigPath, .. args]);
}

/// <summary>What a finished command did.</summary>
internal sealed record CommandResult(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>Process plumbing shared by the kubectl and helm runners.</summary>
internal static class Tool
{
    public static string OnPath(string name)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException($"{name} is not on PATH: these tests need the real {name}");
    }

    public static async Task<CommandResult> RunAsync(string executable, IReadOnlyList<string> args, string? stdin, TimeSpan timeout)
    {
        using var process = new Process { StartInfo = StartInfo(executable, args) };
        process.StartInfo.RedirectStandardInput = stdin is not null;
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(executable)} {string.Join(' ', args)} did not finish within {timeout}");
        }

        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }

    public static ProcessStartInfo StartInfo(string executable, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["HOME"] = Path.Combine(Path.GetTempPath(), "kube-emulator-tests-home");
        return info;
    }
}

/// <summary>A command still running; its stdout lines are collected until it is disposed.</summary>
internal sealed class RunningCommand : IDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];

    private RunningCommand(Process process) => this.process = process;

    public static RunningCommand Start(string executable, IReadOnlyList<string> args)
    {
        var process = new Process { StartInfo = Tool.StartInfo(executable, args) };
        var command = new RunningCommand(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (command.lines)
                {
                    command.lines.Add(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return command;
    }

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
    public async Task<bool> WaitForLineAsync(Func<string, bool> predicate, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < until)
        {
            if (Lines.Any(predicate))
            {
                return true;
            }

            await Task.Delay(50);
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
}
