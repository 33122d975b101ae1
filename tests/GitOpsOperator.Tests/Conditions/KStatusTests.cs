using GitOpsOperator.Conditions;

namespace GitOpsOperator.Tests.Conditions;

public sealed class KStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<Condition> None => [];

    private static Dictionary<string, (string Status, string Reason)> Summary(IReadOnlyList<Condition> conditions) =>
        conditions.ToDictionary(c => c.Type, c => (c.Status, c.Reason));

    [Fact]
    public void Progressing_is_reconciling_and_not_yet_ready()
    {
        var conditions = KStatus.Progressing(None, "fetching", 3, Now);

        Assert.Equal(
            new Dictionary<string, (string, string)>
            {
                [ConditionTypes.Reconciling] = (Condition.True, Reasons.Progressing),
                [ConditionTypes.Ready] = (Condition.Unknown, Reasons.Progressing),
            },
            Summary(conditions));
    }

    [Fact]
    public void Success_after_progress_leaves_only_ready()
    {
        var conditions = KStatus.Succeeded(KStatus.Progressing(None, "applying", 3, Now), "applied main@sha1:abc", 3, Now);

        var ready = Assert.Single(conditions);
        Assert.Equal((ConditionTypes.Ready, Condition.True, Reasons.Succeeded, "applied main@sha1:abc"), (ready.Type, ready.Status, ready.Reason, ready.Message));
    }

    [Fact]
    public void Invalid_spec_stalls_and_a_later_retryable_failure_clears_the_stall()
    {
        var stalled = KStatus.Stalled(None, Reasons.InvalidSpec, "two refs set", 4, Now);
        var failed = KStatus.Failed(stalled, Reasons.ArtifactFailed, "git unreachable", 5, Now);

        Assert.Equal(
            new Dictionary<string, (string, string)>
            {
                [ConditionTypes.Ready] = (Condition.False, Reasons.InvalidSpec),
                [ConditionTypes.Stalled] = (Condition.True, Reasons.InvalidSpec),
            },
            Summary(stalled));
        Assert.Equal(
            new Dictionary<string, (string, string)> { [ConditionTypes.Ready] = (Condition.False, Reasons.ArtifactFailed) },
            Summary(failed));
    }
}
