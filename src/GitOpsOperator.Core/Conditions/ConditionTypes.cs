namespace GitOpsOperator.Conditions;

/// <summary>The condition types the operator writes (kstatus conventions plus Healthy).</summary>
public static class ConditionTypes
{
    public const string Ready = "Ready";
    public const string Reconciling = "Reconciling";
    public const string Stalled = "Stalled";
    public const string Healthy = "Healthy";
}
