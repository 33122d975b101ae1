namespace KubeEmulator.Api;

/// <summary>One cause of a metav1.Status error (reason e.g. "FieldValueInvalid", "FieldValueRequired").</summary>
public sealed record StatusCause(string Reason, string Message, string Field);
