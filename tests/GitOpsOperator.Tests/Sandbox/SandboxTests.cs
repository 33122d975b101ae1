using System.Net.Sockets;
using GitOpsOperator.Hosting;
using GitOpsOperator.Sandbox;
using GitOpsOperator.Tests.Support;
using k8s;
using k8s.Autorest;

namespace GitOpsOperator.Tests.Sandbox;

/// <summary>The sandbox as the README tells a newcomer to use it: start it, follow the printed instructions, stop it, start it again.</summary>
public sealed class SandboxTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sandbox-tests-").FullName;

    private string Clone => Path.Combine(directory, ".sandbox", "config");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Printed_commands_show_the_sync_ready_apply_a_push_survive_a_restart_and_roll_back_with_a_revert_and_signals_stop_it()
    {
        await using (var sandbox = SandboxProcess.Start(directory))
        {
            var instructions = await sandbox.WaitForInstructionsAsync();

            var listing = await Shell.SucceedAsync(directory, PrintedLine(instructions, "kubectl "));
            var syncs = KubectlTable.Parse(listing.Split("\n\n")[0]);
            Assert.Equal("True", syncs.Row("gitsync.gitops.operator.io/demo")["READY"]);
            Assert.Equal("blue", await LiveColorAsync());

            await EditConfigMapAsync("color: blue", "color: green");
            var pushed = await Shell.SucceedAsync(directory, PrintedLine(instructions, "cd "));
            Assert.Contains("told the operator about the push (HTTP/1.1 202 Accepted)", pushed);
            await Eventually.TrueAsync(async () => await LiveColorAsync() == "green", "the pushed ConfigMap change is live");

            Assert.Equal(0, await sandbox.SignalAsync("INT"));
            Assert.Contains("Sandbox stopped.", sandbox.Output);
            foreach (var part in new[] { "Kubernetes API (emulated):", "Config repository:", "Operator:" })
            {
                await AssertNothingListensAsync(PrintedUrl(instructions, part));
            }
        }

        await using (var again = SandboxProcess.Start(directory))
        {
            var instructions = await again.WaitForInstructionsAsync();
            Assert.Equal("green", await LiveColorAsync());

            await Shell.SucceedAsync(Clone, PrintedLine(instructions, "git revert"));
            await Eventually.TrueAsync(async () => await LiveColorAsync() == "blue", "the revert restores the earlier ConfigMap");

            Assert.Equal(0, await again.SignalAsync("TERM"));
            Assert.Contains("Sandbox stopped.", again.Output);
        }
    }

    [Fact]
    public void The_readme_starts_the_sandbox_from_the_kubectl_gitops_tool()
    {
        Assert.Equal("dotnet run --project src/GitOpsOperator.Cli -- sandbox", ReadmeCommand.FirstCommand);
    }

    [Fact]
    public async Task Arguments_other_than_help_are_refused()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exitCode = await SandboxCommand.RunAsync(["--port", "1"], output, errors, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: UsageError: sandbox takes no arguments", errors.ToString());
    }

    [Fact]
    public async Task Without_git_the_sandbox_says_so_in_one_line()
    {
        // "dotnet" itself is found on this process's PATH; the sandbox gets a PATH without git.
        var result = await SandboxProcess.RunToEndAsync(directory, new Dictionary<string, string> { ["PATH"] = directory });

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: SandboxFailed: git is not installed or not on PATH", line);
    }

    /// <summary>The URL printed after a label, e.g. "Config repository:         git://127.0.0.1:9418/config.git  (your clone: …)".</summary>
    private static Uri PrintedUrl(string output, string label) =>
        new(PrintedLine(output, label)[label.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);

    private static async Task AssertNothingListensAsync(Uri url)
    {
        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(async () => await client.ConnectAsync(url.Host, url.Port));
    }

    private static string PrintedLine(string output, string prefix) =>
        output.Split('\n').Select(line => line.Trim()).First(line => line.StartsWith(prefix, StringComparison.Ordinal));

    private async Task EditConfigMapAsync(string from, string to)
    {
        var path = Path.Combine(Clone, SampleApp.ConfigMapFile);
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains(from, text);
        await File.WriteAllTextAsync(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>The demo ConfigMap's color as the sandbox cluster serves it now (null while it does not exist).</summary>
    private async Task<string?> LiveColorAsync()
    {
        var connection = KubernetesConnection.Resolve(Path.Combine(directory, ".sandbox", "kubeconfig"));
        using var client = new Kubernetes(connection.Configuration);
        try
        {
            var configMap = await client.CoreV1.ReadNamespacedConfigMapAsync("demo-config", SampleApp.Namespace);
            return configMap.Data?.TryGetValue("color", out var color) == true ? color : null;
        }
        catch (HttpOperationException)
        {
            return null;
        }
    }
}
