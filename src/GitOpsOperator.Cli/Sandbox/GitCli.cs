using System.ComponentModel;
using System.Diagnostics;
using GitOpsOperator.Source.Remote;

namespace GitOpsOperator.Sandbox;

/// <summary>The git command line, as the user has it (their config applies); a failure is a <see cref="SandboxException"/>.</summary>
public static class GitCli
{
    /// <summary>A git process ready to start with these arguments (output and errors redirected, no prompts).</summary>
    public static ProcessStartInfo StartInfo(string? workingDirectory, IEnumerable<string> arguments)
    {
        var start = GitStartInfo.For(arguments, workingDirectory);
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        return start;
    }

    /// <summary>Starts git, or explains that git is missing.</summary>
    public static Process Start(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        try
        {
            return Process.Start(start) ?? throw new SandboxException("git could not be started");
        }
        catch (Win32Exception error)
        {
            throw new SandboxException($"git is not installed or not on PATH (the sandbox needs it, e.g. apt-get install git): {error.Message}", error);
        }
    }

    /// <summary>Runs git and returns its trimmed output; throws naming the command and git's own complaint when it fails.</summary>
    public static async Task<string> RunAsync(string? workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await TryRunAsync(workingDirectory, arguments, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0
            ? result.Output
            : throw new SandboxException($"git {string.Join(' ', arguments)} failed: {FirstLine(result.Errors)}");
    }

    /// <summary>Runs git and returns its exit code, trimmed output and errors, whatever the exit code.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> TryRunAsync(
        string? workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var process = Start(StartInfo(workingDirectory, arguments));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, (await output.ConfigureAwait(false)).Trim(), (await errors.ConfigureAwait(false)).Trim());
    }

    public static string FirstLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "no message" : line;
    }
}
