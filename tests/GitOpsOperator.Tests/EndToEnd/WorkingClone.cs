using GitOpsOperator.Source.Tests.Fixtures;

namespace GitOpsOperator.Tests.EndToEnd;

/// <summary>A person's clone of the origin repository: edit files, commit, revert and <c>git push</c>.</summary>
internal sealed class WorkingClone
{
    private readonly string directory;

    private WorkingClone(string directory) => this.directory = directory;

    /// <summary>A new clone of an empty origin, on branch main.</summary>
    public static async Task<WorkingClone> CreateAsync(string origin, string directory)
    {
        Directory.CreateDirectory(directory);
        var clone = new WorkingClone(directory);
        await clone.GitAsync("init", "--quiet", "-b", "main");
        await clone.GitAsync("remote", "add", "origin", origin);
        return clone;
    }

    /// <summary>Writes the files (a null content deletes the file) and commits them; returns the new commit's SHA.</summary>
    public async Task<string> CommitAsync(string message, params (string Path, string? Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(directory, path);
            if (content is null)
            {
                File.Delete(full);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, content);
        }

        await GitAsync("add", "-A");
        await GitAsync("commit", "--quiet", "-m", message);
        return await HeadAsync();
    }

    /// <summary><c>git revert --no-edit HEAD</c>; returns the revert commit's SHA.</summary>
    public async Task<string> RevertHeadAsync()
    {
        await GitAsync("revert", "--no-edit", "HEAD");
        return await HeadAsync();
    }

    public Task PushAsync() => GitAsync("push", "--quiet", "origin", "main");

    /// <summary>Brings in what others pushed to main (the automation's releases).</summary>
    public Task PullAsync() => GitAsync("pull", "--quiet", "--rebase", "origin", "main");

    /// <summary>Pushes the local HEAD to another branch of the origin (its objects arrive, main stays).</summary>
    public Task PushToAsync(string branch) => GitAsync("push", "--quiet", "origin", $"HEAD:refs/heads/{branch}");

    private Task<string> HeadAsync() => GitAsync("rev-parse", "HEAD");

    private Task<string> GitAsync(params string[] arguments) =>
        Source.Tests.Fixtures.Cli.RunAsync("git", ["-C", directory, "-c", "user.name=Dev Eloper", "-c", "user.email=dev@example.com", .. arguments]);
}
