namespace GitOpsOperator.Source.Tests.Fixtures;

/// <summary>A bare repository served by the test servers, committed to directly through a scratch work tree.</summary>
public sealed class OriginRepo
{
    private readonly string _workTree;
    private int _commits;

    private OriginRepo(string name, string gitDir, string workTree)
    {
        Name = name;
        GitDir = gitDir;
        _workTree = workTree;
    }

    public string Name { get; }

    /// <summary>The bare repository's directory.</summary>
    public string GitDir { get; }

    public static async Task<OriginRepo> CreateAsync(string serveRoot, string scratchRoot, string name, string defaultBranch = "main")
    {
        var gitDir = Path.Combine(serveRoot, name + ".git");
        var workTree = Path.Combine(scratchRoot, name);
        Directory.CreateDirectory(workTree);
        await Cli.GitAsync("init", "--bare", "--quiet", "-b", defaultBranch, gitDir);
        return new OriginRepo(name, gitDir, workTree);
    }

    /// <summary>Writes the files (null content deletes) and commits them on the current branch; returns the SHA.</summary>
    public Task<string> CommitAsync(string message, params (string Path, string? Content)[] files) =>
        CommitWithAsync(message, [], files);

    public async Task<string> CommitWithAsync(
        string message, IReadOnlyList<string> commitOptions, (string Path, string? Content)[] files, IReadOnlyDictionary<string, string>? environment = null)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(_workTree, path);
            if (content is null)
            {
                File.Delete(full);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, content);
        }

        await Git(environment, "add", "-A");
        var when = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).AddMinutes(++_commits).ToString("O");
        await Git(
            new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["GIT_AUTHOR_DATE"] = when, ["GIT_COMMITTER_DATE"] = when },
            ["commit", "--quiet", "--allow-empty", "-m", message, .. commitOptions]);
        return await Git(null, "rev-parse", "HEAD");
    }

    public async Task<string> SymlinkAsync(string message, string path, string target)
    {
        var full = Path.Combine(_workTree, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
        return await CommitAsync(message);
    }

    public Task TagAsync(string name, bool annotated = false) =>
        annotated ? Git(null, "tag", "-a", "-m", $"release {name}", name) : Git(null, "tag", name);

    public Task CheckoutNewBranchAsync(string name) => Git(null, "symbolic-ref", "HEAD", $"refs/heads/{name}");

    /// <summary>Moves the current branch to a commit, as a force-push would, and the work tree with it.</summary>
    public Task ResetHardAsync(string sha) => Git(null, "reset", "--hard", "--quiet", sha);

    private Task<string> Git(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        Cli.RunAsync(
            "git",
            ["--git-dir", GitDir, "--work-tree", _workTree, "-c", "user.name=Test Author", "-c", "user.email=author@example.com", .. arguments],
            environment);
}
