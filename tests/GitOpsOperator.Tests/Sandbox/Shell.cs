using System.Diagnostics;

namespace GitOpsOperator.Tests.Sandbox;

/// <summary>Runs a command line exactly as printed for the user, through bash in a working directory.</summary>
internal static class Shell
{
    public static async Task<string> SucceedAsync(string workingDirectory, string commandLine)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine);
        foreach (var (name, value) in SandboxProcess.FreshGitEnvironment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        Assert.True(process.ExitCode == 0, $"`{commandLine}` exited {process.ExitCode}:\n{await output}\n{await errors}");
        return await output + await errors;
    }
}
