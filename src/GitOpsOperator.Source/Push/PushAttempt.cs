using GitOpsOperator.Source.Remote;

namespace GitOpsOperator.Source.Push;

/// <summary>
/// One try: fetch the branches, edit a pristine checkout of the checkout branch's tip, commit, push. A push that lost a
/// race against another writer ends as <see cref="PushFailureReason.PushConflict"/>, which the caller retries.
/// </summary>
internal sealed class PushAttempt(PushPlan plan, Workspace workspace, GitEnvironment remote)
{
    public PushPlan Plan => plan;

    private PushRequest Request => plan.Request;

    public async Task<PushResult> RunAsync(CancellationToken cancellationToken)
    {
        var listing = await workspace.ListAsync(plan.Url, remote, plan.Branches, cancellationToken).ConfigureAwait(false);
        if (!listing.Succeeded)
        {
            return RemoteFailure("listing the branches of", listing);
        }

        var existing = RemoteRefs.Parse(listing.OutputText).Commits;
        if (!existing.ContainsKey("refs/heads/" + Request.CheckoutBranch))
        {
            return PushResult.Failed(
                PushFailureReason.GitOperationFailed, $"branch {Request.CheckoutBranch} does not exist in {plan.Url}; check spec.git.checkout.branch");
        }

        var fetched = plan.Branches.Where(branch => existing.ContainsKey("refs/heads/" + branch)).ToList();
        var fetch = await workspace.FetchAsync(plan.Url, remote, fetched, cancellationToken).ConfigureAwait(false);
        if (!fetch.Succeeded)
        {
            return RemoteFailure("fetching", fetch);
        }

        var tip = workspace.FetchedTip(Request.CheckoutBranch)!;
        var pushTip = plan.SeparatePushBranch && fetched.Contains(Request.PushBranch) ? workspace.FetchedTip(Request.PushBranch) : null;
        return await CommitAndPushAsync(tip, pushTip, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PushResult> CommitAndPushAsync(string tip, string? pushTip, CancellationToken cancellationToken)
    {
        if (await workspace.ResetAsync(tip, cancellationToken).ConfigureAwait(false) is { } resetFailed)
        {
            return workspace.Broken(plan, "checking out " + tip, resetFailed.Error);
        }

        var edit = await Request.Edit(workspace.Directory, cancellationToken).ConfigureAwait(false);
        if (!edit.Changed)
        {
            return PushResult.NoChange();
        }

        var (tree, stageFailed) = await workspace.StageAsync(cancellationToken).ConfigureAwait(false);
        if (stageFailed is not null)
        {
            return workspace.Broken(plan, "staging the edit", stageFailed.Error);
        }

        if (workspace.HasTree(tip, tree!))
        {
            return PushResult.NoChange();
        }

        if (pushTip is not null && workspace.IsCommitOf(pushTip, tree!, tip))
        {
            return PushResult.NoChange(pushTip);
        }

        var commit = workspace.Commit(tree!, tip, Request.Author, edit.Message!, plan.SigningKey);
        var lease = plan.SeparatePushBranch ? pushTip ?? string.Empty : null;
        var push = await workspace.PushAsync(plan.Url, remote, commit, Request.PushBranch, lease, cancellationToken).ConfigureAwait(false);
        return push.Succeeded ? PushResult.Pushed(commit) : Refused(commit, push);
    }

    private PushResult Refused(string commit, GitProcessResult push)
    {
        var report = PushReport.Parse(push.OutputText, push.Error);
        if (report.LostRace)
        {
            return PushResult.Failed(
                PushFailureReason.PushConflict, remote.Scrub($"the push of {commit} to branch {Request.PushBranch} was rejected: {report.Summary}"));
        }

        if (!report.Rejected)
        {
            return RemoteFailure("pushing to", push);
        }

        var said = report.ServerSaid.Count == 0 ? string.Empty : "; the server said: " + string.Join(" / ", report.ServerSaid);
        return PushResult.Failed(
            PushFailureReason.GitOperationFailed,
            remote.Scrub($"{plan.Url} refused the push of {commit} to branch {Request.PushBranch}: {report.Summary}{said}"));
    }

    private PushResult RemoteFailure(string operation, GitProcessResult result)
    {
        var failure = GitErrors.Describe(operation, plan.Url, result, Request.Timeout);
        var reason = failure.Reason == FailureReason.AuthenticationFailed ? PushFailureReason.AuthenticationFailed : PushFailureReason.GitOperationFailed;
        return PushResult.Failed(reason, failure.Message);
    }
}
