namespace GitOpsOperator.Tests.Support;

/// <summary>The shared process runner every test project starts its tools with.</summary>
public sealed class ProcessRunnerTests
{
    [Fact]
    public async Task Input_is_piped_in_and_output_errors_and_exit_code_come_back()
    {
        var result = await ProcessRunner.RunAsync(new ProcessCommand("bash", ["-c", "cat; echo refused >&2; exit 3"]) { Input = "hello" });

        Assert.Equal(3, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Equal("hello", result.Stdout);
        Assert.Equal("refused\n", result.Stderr);
    }

    [Fact]
    public async Task A_command_that_outlives_its_timeout_is_killed_with_its_children()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"runner-child-{Guid.NewGuid():N}");
        var command = new ProcessCommand("bash", ["-c", $"sleep 300 & echo $! > {pidFile}.tmp; mv {pidFile}.tmp {pidFile}; wait"])
        {
            Timeout = TimeSpan.FromSeconds(3),
        };

        var run = ProcessRunner.RunAsync(command);
        await Eventually.TrueAsync(() => File.Exists(pidFile), "bash to write its child's pid");
        var error = await Assert.ThrowsAsync<TimeoutException>(() => run);

        Assert.Contains("did not finish within", error.Message);
        var child = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        File.Delete(pidFile);
        await Eventually.TrueAsync(() => !IsRunning(child), $"the child sleep (pid {child}) to be gone");
    }

    // A killed child may linger as a zombie until its new parent reaps it; it no longer runs.
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
