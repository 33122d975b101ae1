using GitOpsOperator.Api;
using GitOpsOperator.Source;
using GitOpsOperator.Source.Push;

namespace GitOpsOperator.Controllers.ImageUpdateAutomations;

/// <summary>
/// Where and how an automation pushes: the GitRepository's URL and credentials, the branches, the author and the
/// signing key. <see cref="ToString"/> never shows the key or the credentials.
/// </summary>
public sealed record PushTarget(
    GitRepository Repository, string Url, GitCredentials Credentials, string CheckoutBranch, string PushBranch, Api.CommitAuthor Author, string? SigningKey)
{
    public override string ToString() => $"{Url} ({CheckoutBranch} -> {PushBranch})";

    /// <summary>The pusher's request: this target, and the edit to run on each attempt's work tree.</summary>
    public PushRequest Request(Func<string, CancellationToken, Task<EditOutcome>> edit) =>
        new(Url, Credentials, CheckoutBranch, PushBranch, new Source.Push.CommitAuthor(Author.Name, Author.Email), SigningKey, edit)
        {
            Timeout = Duration.TryParse(Repository.Spec.Timeout, out var timeout) && timeout > TimeSpan.Zero ? timeout : TimeSpan.FromMinutes(1),
        };
}
