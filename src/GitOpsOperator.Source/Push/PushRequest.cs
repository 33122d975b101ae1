namespace GitOpsOperator.Source.Push;

/// <summary>
/// One release run against a config repository: check out <paramref name="CheckoutBranch"/>, let
/// <paramref name="Edit"/> change the work tree, commit as <paramref name="Author"/> (signed when
/// <paramref name="SigningKey"/> is set) and push to <paramref name="PushBranch"/>.
/// </summary>
/// <param name="Url">The repository URL, as a GitRepository's spec.url.</param>
/// <param name="Credentials">The GitRepository's credentials, used for fetch and push alike.</param>
/// <param name="PushBranch">The checkout branch itself (fast-forward only, never forced) or another branch, rebuilt
/// from the checkout branch's tip on every run with force-with-lease and created when missing.</param>
/// <param name="SigningKey">An ASCII-armored OpenPGP private key without passphrase (Secret key "git.asc"), or null.</param>
/// <param name="Edit">Changes the work tree (its root is the argument) and says what it did; run once per attempt,
/// so again on the new tip after a push lost a race.</param>
public sealed record PushRequest(
    string Url,
    GitCredentials Credentials,
    string CheckoutBranch,
    string PushBranch,
    CommitAuthor Author,
    string? SigningKey,
    Func<string, CancellationToken, Task<EditOutcome>> Edit)
{
    /// <summary>How long one git operation (a fetch, a push, a local command) may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(1);
}
