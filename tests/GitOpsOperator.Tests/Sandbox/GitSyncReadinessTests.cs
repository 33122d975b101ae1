using GitOpsOperator.Api;
using GitOpsOperator.Conditions;
using GitOpsOperator.Sandbox;

namespace GitOpsOperator.Tests.Sandbox;

public sealed class GitSyncReadinessTests
{
    private const string Current = "main@sha1:2222222222222222222222222222222222222222";
    private const string Older = "main@sha1:1111111111111111111111111111111111111111";

    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    internal static GitSync Sync(string status, string reason, string message, string? attempted) => new()
    {
        Spec = new GitSyncSpec { SourceRef = new SourceReference { Name = SandboxObjects.RepositoryName } },
        Status = new GitSyncStatus
        {
            LastAttemptedRevision = attempted,
            LastAppliedRevision = status == Condition.True ? attempted : null,
            Conditions = [new Condition { Type = ConditionTypes.Ready, Status = status, Reason = reason, Message = message, LastTransitionTime = Now }],
        },
    };

    private static GitRepository SourceAt(string revision) => new()
    {
        Spec = new GitRepositorySpec { Url = "git://127.0.0.1:9418/config.git" },
        Status = new GitRepositoryStatus { Artifact = new Artifact { Revision = revision } },
    };

    [Fact]
    public void A_ready_sync_is_settled()
    {
        Assert.True(GitSyncReadiness.IsSettled(Sync(Condition.True, Reasons.Succeeded, "applied", Current), SourceAt(Current)));
    }

    [Fact]
    public void A_failure_at_the_sources_current_revision_is_settled()
    {
        Assert.True(GitSyncReadiness.IsSettled(Sync(Condition.False, Reasons.BuildFailed, "apps/demo/configmap.yaml:3: bad", Current), SourceAt(Current)));
    }

    [Fact]
    public void A_failure_at_an_older_revision_is_not_settled_while_the_new_one_is_tried()
    {
        Assert.False(GitSyncReadiness.IsSettled(Sync(Condition.False, Reasons.BuildFailed, "bad", Older), SourceAt(Current)));
    }

    [Fact]
    public void Waiting_for_the_first_artifact_or_for_health_is_not_settled()
    {
        Assert.False(GitSyncReadiness.IsSettled(Sync(Condition.False, Reasons.ArtifactFailed, "no artifact yet", null), null));
        Assert.False(GitSyncReadiness.IsSettled(Sync(Condition.Unknown, Reasons.Progressing, "waiting for 4 objects", Current), SourceAt(Current)));
    }
}
