namespace GitOpsOperator.Images.Setters;

/// <summary>A valid marker and the value its scalar holds now, as <see cref="MarkerEditor.Read"/> finds it.</summary>
public sealed record MarkerValue(string File, int Line, string Policy, MarkerField Field, string Value);
