namespace GitOpsOperator.Source.Push;

/// <summary>The end of a release run. <see cref="Message"/> never holds a credential.</summary>
/// <param name="Commit">The commit pushed (<see cref="PushOutcome.Pushed"/>), or the push branch's tip that already holds
/// the change (<see cref="PushOutcome.NoChange"/> on a separate push branch); otherwise null.</param>
public sealed record PushResult(PushOutcome Outcome, string? Commit, PushFailureReason? Reason, string? Message)
{
    public static PushResult NoChange(string? commit = null) => new(PushOutcome.NoChange, commit, null, null);

    public static PushResult Pushed(string commit) => new(PushOutcome.Pushed, commit, null, null);

    public static PushResult Failed(PushFailureReason reason, string message) => new(PushOutcome.Failed, null, reason, message);

    public override string ToString() => Outcome == PushOutcome.Failed ? $"{Outcome} {Reason}: {Message}" : $"{Outcome} {Commit}";
}
