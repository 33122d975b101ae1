namespace GitOpsOperator.Source.Push;

/// <summary>How a release run ended.</summary>
public enum PushOutcome
{
    /// <summary>The edit changed nothing (or the push branch already holds exactly this change): no commit, no push.</summary>
    NoChange,

    /// <summary>A commit was pushed.</summary>
    Pushed,

    /// <summary>Nothing was pushed; <see cref="PushResult.Reason"/> says why.</summary>
    Failed,
}
