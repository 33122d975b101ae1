using GitOpsOperator.Source.Push;

namespace GitOpsOperator.Source.Tests.Fixtures;

/// <summary>Short-hands for release runs in tests: requests, edits, and reading what reached the origin.</summary>
public static class Releases
{
    public static readonly CommitAuthor Author = new("gitops-operator", "gitops-operator@localhost");

    public static PushRequest Request(
        string url, Func<string, CancellationToken, Task<EditOutcome>> edit, GitCredentials? credentials = null, string? pushBranch = null, string? signingKey = null) =>
        new(url, credentials ?? GitCredentials.None, "main", pushBranch ?? "main", Author, signingKey, edit);

    /// <summary>An edit that writes one file and reports the message, as a marker edit would.</summary>
    public static Func<string, CancellationToken, Task<EditOutcome>> Write(string path, string content, string message = "Release app:1.0.0 -> 1.1.0") =>
        async (workTree, cancellationToken) =>
        {
            await File.WriteAllTextAsync(Path.Combine(workTree, path), content, cancellationToken);
            return new EditOutcome(message);
        };

    public static PushResult Succeeds(this PushResult result, PushOutcome outcome = PushOutcome.Pushed)
    {
        Assert.True(result.Outcome == outcome, $"expected {outcome}, got {result}");
        return result;
    }

    /// <summary>Installs a pre-receive hook that prints the message and refuses every push.</summary>
    public static async Task RefusePushesAsync(this OriginRepo repo, string message)
    {
        var hook = Path.Combine(repo.GitDir, "hooks", "pre-receive");
        await File.WriteAllTextAsync(hook, $"#!/bin/sh\necho '{message}' >&2\nexit 1\n");
        await Cli.RunAsync("chmod", ["+x", hook]);
    }

    public static Task<string> TipAsync(this OriginRepo repo, string branch = "main") =>
        Cli.GitAsync("--git-dir", repo.GitDir, "rev-parse", "refs/heads/" + branch);

    public static async Task<bool> HasBranchAsync(this OriginRepo repo, string branch) =>
        (await Cli.GitAsync("--git-dir", repo.GitDir, "branch", "--list", branch)).Length > 0;

    public static Task<string> ReadAsync(this OriginRepo repo, string revision, string path) =>
        Cli.GitAsync("--git-dir", repo.GitDir, "show", $"{revision}:{path}");

    /// <summary>One line per commit reachable from the revision, newest first: "subject | author".</summary>
    public static async Task<IReadOnlyList<string>> HistoryAsync(this OriginRepo repo, string revision = "main") =>
        (await Cli.GitAsync("--git-dir", repo.GitDir, "log", "--format=%s | %an <%ae>", revision)).Split('\n');

    public static async Task<string> ParentAsync(this OriginRepo repo, string commit) =>
        (await Cli.GitAsync("--git-dir", repo.GitDir, "rev-list", "--parents", "-n", "1", commit)).Split(' ')[1];
}
