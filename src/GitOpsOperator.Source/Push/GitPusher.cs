using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GitOpsOperator.Source.Remote;
using LibGit2Sharp;
using Microsoft.Extensions.Logging;

namespace GitOpsOperator.Source.Push;

/// <summary>
/// Commits an edit of a config repository and pushes it, with the credentials a GitRepository fetches with.
/// Each (URL, checkout branch, push branch) has its own working clone under the root directory, kept between runs and
/// used by one run at a time. Not the shared bare cache: a work tree there would hold the cache's lock while an edit
/// runs and have its branches moved by the polls' fetches.
/// </summary>
public sealed class GitPusher : IDisposable
{
    private readonly string _root;
    private readonly ILogger<GitPusher> _logger;
    private readonly PushRetry _retry;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public GitPusher(string rootDirectory, ILogger<GitPusher> logger, PushRetry? retry = null)
    {
        _root = Path.GetFullPath(rootDirectory);
        _logger = logger;
        _retry = retry ?? PushRetry.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(_retry.Attempts, 1, nameof(retry));
        Directory.CreateDirectory(_root);
    }

    /// <summary>
    /// Fetches the checkout branch, runs the edit on a pristine checkout of its tip, commits what changed and pushes.
    /// A push that lost a race is retried on the new tip (the edit runs again) with back-off; a person's commit is
    /// never overwritten. Failures are values; throws only on cancellation or when the edit throws.
    /// </summary>
    public async Task<PushResult> PushAsync(PushRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await PushOnceAsync(request, cancellationToken).ConfigureAwait(false);
        var url = GitUrl.Redact(request.Url);
        switch (result.Outcome)
        {
            case PushOutcome.Pushed:
                Log.Pushed(_logger, url, request.PushBranch, result.Commit!);
                break;
            case PushOutcome.Failed:
                Log.PushFailed(_logger, url, request.PushBranch, result.Reason!.Value, result.Message!);
                break;
            default:
                Log.NothingToPush(_logger, url, request.CheckoutBranch);
                break;
        }

        return result;
    }

    public void Dispose()
    {
        foreach (var gate in _locks.Values)
        {
            gate.Dispose();
        }
    }

    private async Task<PushResult> PushOnceAsync(PushRequest request, CancellationToken cancellationToken)
    {
        var validated = await PushPlan.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        if (validated.Failure is { } invalid)
        {
            return invalid;
        }

        var plan = validated.Plan!;
        var session = RemoteSession.Open(plan.Url, request.Credentials, request.Timeout);
        if (session.Failure is { } unusable)
        {
            return PushResult.Failed(PushFailureReason.AuthenticationFailed, unusable.Message);
        }

        using var remote = session.Value!;
        var directory = Path.Combine(_root, WorkspaceName(plan));
        var gate = _locks.GetOrAdd(directory, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var workspace = new Workspace(directory, request.Timeout);
        try
        {
            if (await workspace.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false) is { } initFailed)
            {
                return workspace.Broken(plan, "creating the work tree", initFailed.Error);
            }

            return await RetryLostRacesAsync(new PushAttempt(plan, workspace, remote.Environment), cancellationToken).ConfigureAwait(false);
        }
        catch (LibGit2SharpException e)
        {
            return workspace.Broken(plan, "reading the work tree", e.Message);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<PushResult> RetryLostRacesAsync(PushAttempt attempt, CancellationToken cancellationToken)
    {
        var plan = attempt.Plan;
        for (var number = 1; ; number++)
        {
            var result = await attempt.RunAsync(cancellationToken).ConfigureAwait(false);
            if (result.Reason != PushFailureReason.PushConflict)
            {
                return result;
            }

            if (number == _retry.Attempts)
            {
                return PushResult.Failed(
                    PushFailureReason.PushConflict,
                    $"branch {plan.Request.PushBranch} of {plan.Url} moved during each of {number} attempts; the last: {result.Message}");
            }

            var delay = _retry.DelayAfter(number);
            Log.LostRace(_logger, GitUrl.Redact(plan.Url.Value), plan.Request.PushBranch, number, delay);
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The repository's cache name and a hash of the two branches: readable, unique, file-system safe.</summary>
    private static string WorkspaceName(PushPlan plan)
    {
        var branches = Encoding.UTF8.GetBytes($"{plan.Request.CheckoutBranch}\n{plan.Request.PushBranch}");
        return $"{plan.Url.CacheDirectoryName()}-{Convert.ToHexStringLower(SHA256.HashData(branches))[..12]}";
    }
}
