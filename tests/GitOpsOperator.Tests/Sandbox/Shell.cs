namespace GitOpsOperator.Tests.Sandbox;

/// <summary>Runs a command line exactly as printed for the user, through bash in a working directory.</summary>
internal static class Shell
{
    /// <summary>Everything the command printed; fails the test when it fails.</summary>
    public static async Task<string> SucceedAsync(string workingDirectory, string commandLine)
    {
        var result = await ProcessRunner.RunAsync(new ProcessCommand("bash", ["-c", commandLine])
        {
            WorkingDirectory = workingDirectory,
            Environment = SandboxProcess.FreshGitEnvironment,
        });
        Assert.True(result.Succeeded, $"`{commandLine}` failed: {result}");
        return result.Output;
    }
}
