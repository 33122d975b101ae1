using GitOpsOperator.Source.Remote;
using LibGit2Sharp;

namespace GitOpsOperator.Source.Push;

/// <summary>
/// The private working clone of one (repository, checkout branch, push branch), kept between runs so a run fetches only
/// what is new. Every attempt starts from a pristine checkout of a fetched tip: whatever a cancelled or failed run left
/// behind is discarded. Network operations take the remote's credentials through its <see cref="GitEnvironment"/>; the
/// clone's configuration never holds the URL or a credential. Callers hold its lock.
/// </summary>
internal sealed class Workspace(string directory, TimeSpan timeout)
{
    private const string FetchedPrefix = "refs/fetched/heads/";

    public string Directory => directory;

    /// <summary>Creates the clone when missing; clears the index lock a killed git process may have left.</summary>
    public async Task<GitProcessResult?> EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(directory, ".git", "HEAD")))
        {
            File.Delete(Path.Combine(directory, ".git", "index.lock"));
            return null;
        }

        var result = await GitProcess.RunAsync(["init", "--quiet", "--", directory], GitEnvironment.Empty, timeout, cancellationToken)
            .ConfigureAwait(false);
        return result.Succeeded ? null : result;
    }

    /// <summary>The remote's commits for the branches that exist there.</summary>
    public Task<GitProcessResult> ListAsync(GitUrl url, GitEnvironment remote, IEnumerable<string> branches, CancellationToken cancellationToken) =>
        GitProcess.RunAsync(["ls-remote", "--", url.Value, .. branches.Select(Head)], remote, timeout, cancellationToken);

    /// <summary>Fetches the branches into refs of their own, read back by <see cref="FetchedTip"/>.</summary>
    public Task<GitProcessResult> FetchAsync(GitUrl url, GitEnvironment remote, IEnumerable<string> branches, CancellationToken cancellationToken) =>
        Git(["-c", "gc.autoDetach=false", "fetch", "--quiet", "--no-tags", "--no-recurse-submodules", "--", url.Value, .. branches.Select(b => $"+{Head(b)}:{FetchedPrefix}{b}")],
            remote, cancellationToken);

    public string? FetchedTip(string branch)
    {
        using var repository = new Repository(directory);
        return repository.Refs[FetchedPrefix + branch]?.ResolveToDirectReference()?.TargetIdentifier;
    }

    /// <summary>Checks out the commit, detached, and removes every file git does not track there.</summary>
    public async Task<GitProcessResult?> ResetAsync(string commit, CancellationToken cancellationToken)
    {
        var checkout = await Git(["checkout", "--quiet", "--force", "--detach", commit], GitEnvironment.Empty, cancellationToken).ConfigureAwait(false);
        if (!checkout.Succeeded)
        {
            return checkout;
        }

        var clean = await Git(["clean", "-ffdxq"], GitEnvironment.Empty, cancellationToken).ConfigureAwait(false);
        return clean.Succeeded ? null : clean;
    }

    /// <summary>Stages every change of the work tree and writes the tree it makes.</summary>
    public async Task<(string? Tree, GitProcessResult? Failure)> StageAsync(CancellationToken cancellationToken)
    {
        var add = await Git(["add", "--all"], GitEnvironment.Empty, cancellationToken).ConfigureAwait(false);
        if (!add.Succeeded)
        {
            return (null, add);
        }

        var tree = await Git(["write-tree"], GitEnvironment.Empty, cancellationToken).ConfigureAwait(false);
        return tree.Succeeded ? (tree.OutputText.Trim(), null) : (null, tree);
    }

    /// <summary>Whether <paramref name="commit"/> has the tree and exactly the one parent.</summary>
    public bool IsCommitOf(string commit, string tree, string parent)
    {
        using var repository = new Repository(directory);
        var found = repository.Lookup<Commit>(commit);
        return found is not null && found.Tree.Sha == tree && found.Parents.Select(p => p.Sha).SequenceEqual([parent]);
    }

    public bool HasTree(string commit, string tree)
    {
        using var repository = new Repository(directory);
        return repository.Lookup<Commit>(commit)?.Tree.Sha == tree;
    }

    /// <summary>Writes the commit object (signed when a key is given) and returns its SHA; no ref moves.</summary>
    public string Commit(string tree, string parent, CommitAuthor author, string message, CommitSigningKey? key)
    {
        using var repository = new Repository(directory);
        var who = new Signature(author.Name, author.Email, DateTimeOffset.UtcNow);
        var content = LibGit2Sharp.Commit.CreateBuffer(
            who, who, message, repository.Lookup<Tree>(tree), [repository.Lookup<Commit>(parent)], prettifyMessage: true, commentChar: null);
        var signature = key?.Sign(System.Text.Encoding.UTF8.GetBytes(content));
        var id = signature is null
            ? repository.ObjectDatabase.Write<Commit>(System.Text.Encoding.UTF8.GetBytes(content))
            : repository.ObjectDatabase.CreateCommitWithSignature(content, signature);
        return id.Sha;
    }

    /// <summary>
    /// Pushes the commit to the branch. Without a lease only a fast-forward is possible; with one (the commit the
    /// branch is expected at, or "" for a branch that must not exist yet) the branch is replaced if it still is there.
    /// </summary>
    public Task<GitProcessResult> PushAsync(
        GitUrl url, GitEnvironment remote, string commit, string branch, string? lease, CancellationToken cancellationToken)
    {
        string[] force = lease is null ? [] : [$"--force-with-lease={Head(branch)}:{lease}"];
        return Git(["push", "--porcelain", .. force, "--", url.Value, $"{commit}:{Head(branch)}"], remote, cancellationToken);
    }

    /// <summary>
    /// The failure of a local step. The clone is removed, so whatever broke it (a disk that filled up, a corrupt index)
    /// does not fail every later run: the next one clones again.
    /// </summary>
    public PushResult Broken(PushPlan plan, string step, string error)
    {
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        return PushResult.Failed(
            PushFailureReason.GitOperationFailed, $"{step} for {plan.Url} failed: {error.Trim()}; the work tree is cloned again on the next run");
    }

    private static string Head(string branch) => "refs/heads/" + branch;

    private Task<GitProcessResult> Git(IReadOnlyList<string> arguments, GitEnvironment environment, CancellationToken cancellationToken) =>
        GitProcess.RunAsync(["-C", directory, .. arguments], environment, timeout, cancellationToken);
}
