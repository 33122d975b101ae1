namespace GitOpsOperator.Cli.Tests;

/// <summary>Every failure is one line on standard error, <c>error: reason: message</c>, with exit code 2 for bad input.</summary>
[Collection(CliCollection.Name)]
public sealed class BadInputTests(CliCluster stack)
{
    private const string Ns = "gitops-system";

    [Fact]
    public async Task An_unknown_gitsync_is_not_found()
    {
        var result = await stack.GitOpsAsync("diff", "gitsync", "nowhere", "-n", Ns, "--path", CliCluster.Checkout());

        AssertOneLineError(result, "error: NotFound: GitSync gitops-system/nowhere not found");
    }

    [Fact]
    public async Task An_unreachable_cluster_is_said_in_one_line()
    {
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("unreachable-").FullName, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, """
            apiVersion: v1
            kind: Config
            clusters: [ { name: c, cluster: { server: "http://127.0.0.1:1" } } ]
            users: [ { name: u, user: { token: t } } ]
            contexts: [ { name: x, context: { cluster: c, user: u } } ]
            current-context: x
            """);

        var result = await stack.PluginAsync(null, "get", "-A", "--kubeconfig", kubeconfig);

        AssertOneLineError(result, "error: ClusterUnreachable: ");
    }

    [Fact]
    public async Task An_unrenderable_path_is_a_build_failure_naming_the_file()
    {
        await stack.Cluster.ApplyGitSyncAsync("unrenderable", Manifests.SyncSpec("apps/unrenderable"));
        var checkout = CliCluster.Checkout(("broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: [ }\n"));

        var result = await stack.GitOpsAsync("build", "gitsync", "unrenderable", "-n", Ns, "--path", checkout);

        AssertOneLineError(result, "error: BuildFailed: ");
        Assert.Contains("broken.yaml", result.Stderr);
    }

    [Fact]
    public async Task Unknown_commands_kinds_and_flags_are_usage_errors_and_help_lists_every_command()
    {
        AssertOneLineError(await stack.GitOpsAsync("get", "widgets"), "error: UsageError: unknown kind \"widgets\"");
        AssertOneLineError(await stack.GitOpsAsync("frobnicate"), "error: UsageError: unknown command \"frobnicate\"");
        AssertOneLineError(await stack.GitOpsAsync("tree", "gitsync", "x", "--colour"), "error: UsageError: unknown flag \"--colour\"");

        var help = await stack.PluginAsync(null, "--help");
        Assert.True(help.ExitCode == 0, help.ToString());
        foreach (var command in CliApp.Commands)
        {
            Assert.Contains($"  {command.Name} ", help.Stdout);
            var commandHelp = await stack.PluginAsync(null, command.Name, "--help");
            Assert.True(commandHelp.ExitCode == 0, commandHelp.ToString());
            Assert.Contains($"kubectl gitops {command.Synopsis}", commandHelp.Stdout);
        }
    }

    [Fact]
    public async Task The_operator_binary_points_to_the_new_sandbox_command()
    {
        var result = await ProcessRunner.RunAsync(new ProcessCommand("dotnet", [Path.Combine(AppContext.BaseDirectory, "GitOpsOperator.dll"), "sandbox"]));

        AssertOneLineError(result, "error: the sandbox moved to the kubectl gitops tool: dotnet run --project src/GitOpsOperator.Cli -- sandbox");
    }

    private static void AssertOneLineError(CommandResult result, string start)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith(start, Assert.Single(Manifests.Lines(result.Stderr)));
    }
}
