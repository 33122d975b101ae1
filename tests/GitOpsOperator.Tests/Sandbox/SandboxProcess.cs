using System.Diagnostics;
using System.Globalization;
using GitOpsOperator.Tests.Support;

namespace GitOpsOperator.Tests.Sandbox;

/// <summary>
/// The sandbox as the README's first command starts it (<see cref="ReadmeCommand"/>) in a working directory of its
/// own, with a git that has no global configuration (a fresh machine has no identity); output collected by line.
/// </summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    /// <summary>Start-up builds a cluster, a repository and the operator; a loaded machine may take a while.</summary>
    public static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(2);

    private readonly Process process;
    private readonly List<string> lines = [];

    private SandboxProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, line) => Record(line.Data);
        process.ErrorDataReceived += (_, line) => Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The environment every command of a test runs with: git without the machine's global settings.</summary>
    public static IReadOnlyDictionary<string, string> FreshGitEnvironment { get; } = new Dictionary<string, string>
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_EDITOR"] = "true",
    };

    public string Output
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines);
            }
        }
    }

    public static SandboxProcess Start(string workingDirectory) =>
        new(Process.Start(StartInfo(workingDirectory, FreshGitEnvironment)) ?? throw new InvalidOperationException("the sandbox did not start"));

    /// <summary>Runs a sandbox expected to end by itself (it failed to start).</summary>
    public static Task<CommandResult> RunToEndAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment) =>
        ProcessRunner.RunAsync(new ProcessCommand("dotnet", ReadmeCommand.DotnetArguments)
        {
            WorkingDirectory = workingDirectory,
            Environment = environment,
            Timeout = StartDeadline,
        });

    /// <summary>Waits until the sandbox has printed what to try, and returns its output up to there.</summary>
    public async Task<string> WaitForInstructionsAsync()
    {
        var giveUp = DateTime.UtcNow + StartDeadline;
        while (!Output.Contains("Ctrl-C stops the sandbox", StringComparison.Ordinal))
        {
            Assert.False(process.HasExited, $"the sandbox exited ({ExitCodeOrNone()}) before printing its instructions:\n{Output}");
            Assert.True(DateTime.UtcNow < giveUp, $"the sandbox printed no instructions within {StartDeadline}:\n{Output}");
            await Task.Delay(100);
        }

        return Output;
    }

    /// <summary>Sends the signal ("INT" as Ctrl-C does, "TERM" as a service manager does) and returns the exit code.</summary>
    public async Task<int> SignalAsync(string signal)
    {
        var kill = await ProcessRunner.RunAsync(new ProcessCommand("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]));
        Assert.True(kill.Succeeded, $"kill -{signal} failed: {kill}");

        using var deadline = new CancellationTokenSource(Eventually.Deadline);
        await process.WaitForExitAsync(deadline.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in ReadmeCommand.DotnetArguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private string ExitCodeOrNone() => process.HasExited ? $"exit code {process.ExitCode}" : "still running";

    private void Record(string? line)
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
