using GitOpsOperator.Source.Remote;

namespace GitOpsOperator.Source.Push;

/// <summary>A request whose URL, branch names, author and signing key were checked and parsed.</summary>
internal sealed record PushPlan(PushRequest Request, GitUrl Url, CommitSigningKey? SigningKey)
{
    public bool SeparatePushBranch => Request.PushBranch != Request.CheckoutBranch;

    /// <summary>The checkout branch, then the push branch when it is another one.</summary>
    public IReadOnlyList<string> Branches => SeparatePushBranch ? [Request.CheckoutBranch, Request.PushBranch] : [Request.CheckoutBranch];

    /// <summary>The plan, or an <see cref="PushFailureReason.InvalidSpec"/> result naming what is wrong.</summary>
    public static async Task<(PushPlan? Plan, PushResult? Failure)> ValidateAsync(PushRequest request, CancellationToken cancellationToken)
    {
        var url = GitUrl.Parse(request.Url);
        if (url.Failure is { } badUrl)
        {
            return Invalid(badUrl.Message);
        }

        if (request.Timeout <= TimeSpan.Zero)
        {
            return Invalid($"the timeout must be positive, not {request.Timeout}");
        }

        foreach (var (what, branch) in new[] { ("checkout", request.CheckoutBranch), ("push", request.PushBranch) })
        {
            if (!await IsBranchNameAsync(branch, request.Timeout, cancellationToken).ConfigureAwait(false))
            {
                return Invalid($"the {what} branch \"{branch}\" is not a valid branch name");
            }
        }

        if (!IsIdentityPart(request.Author.Name) || !IsIdentityPart(request.Author.Email))
        {
            return Invalid($"the commit author \"{request.Author}\" needs a name and an email without '<', '>' or line breaks");
        }

        CommitSigningKey? key = null;
        if (request.SigningKey is { } armored)
        {
            var parsed = CommitSigningKey.Parse(armored);
            if (parsed.Failure is { } badKey)
            {
                return Invalid(badKey.Message);
            }

            key = parsed.Value;
        }

        return (new PushPlan(request, url.Value!, key), null);
    }

    private static async Task<bool> IsBranchNameAsync(string branch, TimeSpan timeout, CancellationToken cancellationToken) =>
        !string.IsNullOrEmpty(branch) && !branch.StartsWith('-')
        && (await GitProcess.RunAsync(["check-ref-format", "refs/heads/" + branch], GitEnvironment.Empty, timeout, cancellationToken)
            .ConfigureAwait(false)).Succeeded;

    private static bool IsIdentityPart(string value) =>
        !string.IsNullOrWhiteSpace(value) && value.IndexOfAny(['<', '>', '\n', '\r', '\0']) < 0;

    private static (PushPlan?, PushResult?) Invalid(string message) => (null, PushResult.Failed(PushFailureReason.InvalidSpec, message));
}
