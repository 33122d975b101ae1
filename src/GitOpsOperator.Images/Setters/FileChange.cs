namespace GitOpsOperator.Images.Setters;

/// <summary>
/// One marked value rewritten: <paramref name="File"/> is repo-relative with '/' separators, <paramref name="Line"/>
/// 1-based (the marker's line), <paramref name="Policy"/> "ns:name", <paramref name="OldValue"/> what the file held and
/// <paramref name="NewValue"/> what it holds now; <paramref name="Image"/> is the policy's image repository, for messages.
/// </summary>
public sealed record FileChange(string File, int Line, string Policy, MarkerField Field, string OldValue, string NewValue, string Image);
