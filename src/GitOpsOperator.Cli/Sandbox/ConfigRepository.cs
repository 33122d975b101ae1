namespace GitOpsOperator.Sandbox;

/// <summary>
/// The sandbox's config repository: a bare repository served by git daemon and the user's working clone of it.
/// Both are kept between runs (the user's commits survive); only the clone's remote URL follows the daemon's port.
/// </summary>
public static class ConfigRepository
{
    private const string Branch = "main";

    private static readonly string[] SandboxIdentity =
        ["-c", "user.name=GitOps Sandbox", "-c", "user.email=sandbox@gitops.invalid", "-c", "commit.gpgsign=false"];

    /// <summary>Makes sure the bare repository has branch main and the clone at <see cref="SandboxLayout.WorkingClone"/> pushes to url.</summary>
    public static async Task PrepareAsync(SandboxLayout layout, string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        PushHook.Remove(layout.BareRepository);
        if (!Directory.Exists(layout.BareRepository))
        {
            await GitCli.RunAsync(null, ["init", "--quiet", "--bare", "-b", Branch, layout.BareRepository], cancellationToken).ConfigureAwait(false);
        }

        var clone = layout.WorkingClone;
        var published = await HasBranchAsync(layout.BareRepository, cancellationToken).ConfigureAwait(false);
        if (!Directory.Exists(clone))
        {
            if (published)
            {
                await GitCli.RunAsync(null, ["clone", "--quiet", url, clone], cancellationToken).ConfigureAwait(false);
                await EnsureIdentityAsync(clone, cancellationToken).ConfigureAwait(false);
                return;
            }

            await CreateSampleAsync(clone, cancellationToken).ConfigureAwait(false);
        }
        else if (!Directory.Exists(Path.Combine(clone, ".git")))
        {
            throw new SandboxException($"{layout.Display(clone)} exists but is not a git clone; move it away and run the sandbox again");
        }

        await SetOriginAsync(clone, url, cancellationToken).ConfigureAwait(false);
        await EnsureIdentityAsync(clone, cancellationToken).ConfigureAwait(false);
        if (!published)
        {
            await GitCli.RunAsync(clone, ["push", "--quiet", "-u", "origin", $"HEAD:{Branch}"], cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> HasBranchAsync(string bareRepository, CancellationToken cancellationToken)
    {
        var result = await GitCli.TryRunAsync(
            null, ["--git-dir", bareRepository, "rev-parse", "--verify", "--quiet", $"refs/heads/{Branch}"], cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0;
    }

    private static async Task CreateSampleAsync(string clone, CancellationToken cancellationToken)
    {
        await GitCli.RunAsync(null, ["init", "--quiet", "-b", Branch, clone], cancellationToken).ConfigureAwait(false);
        foreach (var (path, content) in SampleApp.Files)
        {
            var full = Path.Combine(clone, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, content, cancellationToken).ConfigureAwait(false);
        }

        await GitCli.RunAsync(clone, ["add", "-A"], cancellationToken).ConfigureAwait(false);
        await GitCli.RunAsync(clone, [.. SandboxIdentity, "commit", "--quiet", "-m", "Add the demo app"], cancellationToken).ConfigureAwait(false);
    }

    private static async Task SetOriginAsync(string clone, string url, CancellationToken cancellationToken)
    {
        var current = await GitCli.TryRunAsync(clone, ["remote", "get-url", "origin"], cancellationToken).ConfigureAwait(false);
        if (current.ExitCode != 0)
        {
            await GitCli.RunAsync(clone, ["remote", "add", "origin", url], cancellationToken).ConfigureAwait(false);
        }
        else if (current.Output != url)
        {
            await GitCli.RunAsync(clone, ["remote", "set-url", "origin", url], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A fresh machine may have no git identity; then the clone gets one of its own so `git commit` works.</summary>
    private static async Task EnsureIdentityAsync(string clone, CancellationToken cancellationToken)
    {
        foreach (var (key, value) in new[] { ("user.name", "GitOps Sandbox"), ("user.email", "sandbox@gitops.invalid") })
        {
            var configured = await GitCli.TryRunAsync(clone, ["config", "--get", key], cancellationToken).ConfigureAwait(false);
            if (configured.ExitCode != 0 || configured.Output.Length == 0)
            {
                await GitCli.RunAsync(clone, ["config", key, value], cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
