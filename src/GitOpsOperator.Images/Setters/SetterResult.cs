namespace GitOpsOperator.Images.Setters;

/// <summary>What <see cref="MarkerEditor.Apply"/> did: the values it rewrote, and the markers it could not apply.</summary>
public sealed record SetterResult(IReadOnlyList<FileChange> Changes, IReadOnlyList<MarkerError> Errors);
