using k8s.Autorest;

namespace GitOpsOperator.Sandbox;

/// <summary>
/// <c>kubectl gitops sandbox</c>: the whole GitOps loop on one machine, no cluster needed. Starts an emulated
/// cluster, a git daemon serving a sample config repository, and the operator; prints what to try once the sample
/// app is applied; runs until Ctrl-C or SIGTERM, then stops everything and exits 0.
/// </summary>
public static class SandboxCommand
{
    public const string Name = "sandbox";

    public const string Description = """
        Runs the whole GitOps loop locally: an emulated Kubernetes API, a git repository served by git daemon
        with a working clone at .sandbox/config, and the operator applying it. Everything lives under .sandbox/
        of the current directory. Ctrl-C stops it; running it again keeps your clone and its commits.
        """;

    private static readonly TimeSpan SignalGrace = TimeSpan.FromSeconds(1);

    /// <summary>Exit codes: 0 stopped by a signal, 1 could not start, 2 bad arguments.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (args.Count > 0)
        {
            await errors.WriteLineAsync($"error: UsageError: sandbox takes no arguments, not \"{args[0]}\" (see --help)").ConfigureAwait(false);
            return 2;
        }

        using var signals = new ShutdownSignals(cancellationToken);
        try
        {
            await RunUntilStoppedAsync(SandboxLayout.In(Directory.GetCurrentDirectory()), output, signals.Token).ConfigureAwait(false);
            await output.WriteLineAsync("Sandbox stopped.").ConfigureAwait(false);
            return 0;
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            await output.WriteLineAsync("Sandbox stopped.").ConfigureAwait(false);
            return 0;
        }
        catch (Exception error) when (error is SandboxException or HttpOperationException or HttpRequestException or IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"error: SandboxFailed: {OneLine(error)}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task RunUntilStoppedAsync(SandboxLayout layout, TextWriter output, CancellationToken stop)
    {
        await GitCli.RunAsync(null, ["--version"], stop).ConfigureAwait(false);
        Directory.CreateDirectory(layout.ServedRepositories);
        await using var parts = await SandboxParts.StartAsync(layout, output, stop).ConfigureAwait(false);
        var (cluster, gitops, repositoryUrl) = (parts.Cluster, parts.Operator, parts.RepositoryUrl);
        var webhookToken = SandboxObjects.NewWebhookToken();
        await PushHook.WriteAsync(layout.BareRepository, gitops.Address, SandboxObjects.WebhookPath, webhookToken, stop).ConfigureAwait(false);
        await SandboxObjects.CreateAsync(cluster.Client, repositoryUrl, webhookToken, stop).ConfigureAwait(false);
        await using var registry = await StartRegistryAsync(layout, output, stop).ConfigureAwait(false);
        if (registry is not null)
        {
            await ImageDemo.CreateAsync(cluster.Client, registry.Image, stop).ConfigureAwait(false);
        }

        await output.WriteLineAsync(
            $"Sandbox: operator running, endpoints at {gitops.Address}; waiting for GitSync {SandboxObjects.Namespace}/{SandboxObjects.SyncName} to be Ready").ConfigureAwait(false);

        using var running = CancellationTokenSource.CreateLinkedTokenSource(stop, gitops.Stopping);
        try
        {
            var sync = await GitSyncReadiness.WaitSettledAsync(cluster.Client, running.Token).ConfigureAwait(false);
            await output.WriteAsync(Instructions.Render(layout, cluster.Url, repositoryUrl, gitops.Address, sync, registry?.Image)).ConfigureAwait(false);
            await output.FlushAsync(stop).ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, running.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            // The host also stops itself on Ctrl-C, possibly a moment before our own signal handler runs.
            await Task.Delay(SignalGrace, stop).ConfigureAwait(false);
            throw new SandboxException("the operator stopped on an error (see its log above)");
        }
    }

    /// <summary>The local registry when its tools are installed; null (the demo leaves image releases out) when not.</summary>
    private static async Task<SandboxRegistry?> StartRegistryAsync(SandboxLayout layout, TextWriter output, CancellationToken stop)
    {
        if (SandboxRegistry.MissingTools().Count > 0)
        {
            return null;
        }

        var registry = await SandboxRegistry.StartAsync(layout, stop).ConfigureAwait(false);
        await output.WriteLineAsync($"Sandbox: image registry at {registry.Address}, image {registry.Image}:{SandboxRegistry.FirstTag}").ConfigureAwait(false);
        return registry;
    }

    private static string OneLine(Exception error) => error switch
    {
        HttpOperationException http => $"the emulated API server refused a request: {(int)http.Response.StatusCode} {GitCli.FirstLine(http.Response.Content ?? "")}",
        _ => GitCli.FirstLine(error.Message),
    };
}
