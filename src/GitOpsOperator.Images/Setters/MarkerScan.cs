namespace GitOpsOperator.Images.Setters;

/// <summary>What <see cref="MarkerEditor.Read"/> found: every valid marker with its current value, and the broken ones.</summary>
public sealed record MarkerScan(IReadOnlyList<MarkerValue> Markers, IReadOnlyList<MarkerError> Errors);
