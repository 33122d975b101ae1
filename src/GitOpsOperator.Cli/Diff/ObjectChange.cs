using GitOpsOperator.Manifests;

namespace GitOpsOperator.Cli.Diff;

/// <summary>One object's planned change, with the fields that differ and where it comes from (null for a pruned object).</summary>
public sealed record ObjectChange(ChangeKind Kind, ObjectIdentity Identity, SourceLocation? Source, IReadOnlyList<FieldChange> Fields, string? Note = null);
