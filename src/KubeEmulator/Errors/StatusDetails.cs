namespace KubeEmulator.Errors;

/// <summary>metav1.StatusDetails: what the error is about (Kind is the resource plural for most errors, the kind for Invalid).</summary>
internal sealed record StatusDetails(string Name, string Group, string Kind, IReadOnlyList<StatusDetailCause>? Causes = null);

/// <summary>metav1.StatusCause as written on the wire (type, message, field).</summary>
internal sealed record StatusDetailCause(string Type, string Message, string Field);
