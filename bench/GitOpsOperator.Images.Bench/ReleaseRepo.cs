using System.Globalization;
using GitOpsOperator.Source.Tests.Fixtures;

namespace GitOpsOperator.Images.Bench;

/// <summary>
/// A bare config repository under the git daemon's base path holding <c>apps/&lt;name&gt;/deploy.yaml</c>, a Deployment
/// whose image carries a policy marker; a post-receive hook records when each push landed.
/// </summary>
internal sealed class ReleaseRepo
{
    private readonly string gitDir;

    private ReleaseRepo(string gitDir) => this.gitDir = gitDir;

    public static async Task<ReleaseRepo> CreateAsync(string serveRoot, string name, string image, string policy, string ns)
    {
        var work = Path.Combine(serveRoot, "..", "work", name);
        Directory.CreateDirectory(Path.Combine(work, "apps", name));
        await File.WriteAllTextAsync(Path.Combine(work, "apps", name, "deploy.yaml"), $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{name}}
              namespace: {{ns}}
            spec:
              selector:
                matchLabels: { app: {{name}} }
              template:
                metadata:
                  labels: { app: {{name}} }
                spec:
                  containers:
                    - name: {{name}}
                      image: {{image}} # {"$imagepolicy": "{{policy}}"}

            """);
        var gitDir = Path.Combine(serveRoot, $"{name}.git");
        await Cli.GitAsync("init", "--quiet", "-b", "main", work);
        await Cli.GitAsync("-C", work, "add", "-A");
        await Cli.GitAsync("-C", work, "-c", "user.name=Bench", "-c", "user.email=bench@example.com", "commit", "--quiet", "-m", "Initial configuration");
        await Cli.GitAsync("clone", "--quiet", "--bare", work, gitDir);
        var hook = Path.Combine(gitDir, "hooks", "post-receive");
        await File.WriteAllTextAsync(hook, "#!/bin/sh\ndate +%s%N >> \"$GIT_DIR/pushes\"\n");
        await Cli.RunAsync("chmod", ["+x", hook]);
        return new ReleaseRepo(gitDir);
    }

    /// <summary>When each push landed, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Pushes()
    {
        var file = Path.Combine(gitDir, "pushes");
        return File.Exists(file)
            ? [.. File.ReadLines(file).Select(line => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(line, CultureInfo.InvariantCulture) / 1_000_000))]
            : [];
    }
}
