using GitOpsOperator.Conditions;

namespace GitOpsOperator.Tests.Conditions;

public sealed class ConditionListTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T1 = T0.AddMinutes(1);

    [Fact]
    public void Setting_a_new_condition_stamps_it_now()
    {
        IReadOnlyList<Condition> none = [];

        var conditions = none.Set(ConditionTypes.Ready, Condition.False, Reasons.RefNotFound, "branch \"dev\" not found", 2, T0);

        var ready = Assert.Single(conditions);
        Assert.Equal((ConditionTypes.Ready, Condition.False, Reasons.RefNotFound, T0, 2L), (ready.Type, ready.Status, ready.Reason, ready.LastTransitionTime, ready.ObservedGeneration!.Value));
    }

    [Fact]
    public void Transition_time_moves_only_when_the_status_changes()
    {
        IReadOnlyList<Condition> none = [];
        var failing = none.Set(ConditionTypes.Ready, Condition.False, Reasons.ArtifactFailed, "timeout", 1, T0);

        var otherReason = failing.Set(ConditionTypes.Ready, Condition.False, Reasons.AuthenticationFailed, "bad password", 1, T1);
        var recovered = otherReason.Set(ConditionTypes.Ready, Condition.True, Reasons.Succeeded, "applied", 1, T1);

        Assert.Equal(T0, otherReason.Find(ConditionTypes.Ready)!.LastTransitionTime);
        Assert.Equal("bad password", otherReason.Find(ConditionTypes.Ready)!.Message);
        Assert.Equal(T1, recovered.Find(ConditionTypes.Ready)!.LastTransitionTime);
    }

    [Fact]
    public void Setting_leaves_the_original_list_and_other_conditions_alone()
    {
        IReadOnlyList<Condition> none = [];
        var before = none
            .Set(ConditionTypes.Ready, Condition.True, Reasons.Succeeded, "ok", 1, T0)
            .Set(ConditionTypes.Healthy, Condition.True, Reasons.Succeeded, "healthy", 1, T0);

        var after = before.Set(ConditionTypes.Ready, Condition.False, Reasons.ApplyFailed, "write failed", 2, T1);

        Assert.Equal(Condition.True, before.Find(ConditionTypes.Ready)!.Status);
        Assert.Equal([ConditionTypes.Ready, ConditionTypes.Healthy], after.Select(c => c.Type));
        Assert.Equal(before.Find(ConditionTypes.Healthy), after.Find(ConditionTypes.Healthy));
    }

    [Fact]
    public void Lists_with_the_same_conditions_in_another_order_are_the_same()
    {
        IReadOnlyList<Condition> none = [];
        var a = none.Set("A", Condition.True, "R", "", 1, T0).Set("B", Condition.False, "R", "", 1, T0);
        var b = none.Set("B", Condition.False, "R", "", 1, T0).Set("A", Condition.True, "R", "", 1, T0);

        Assert.True(a.SameAs(b));
        Assert.False(a.SameAs(a.Set("A", Condition.False, "R", "", 1, T0)));
    }
}
