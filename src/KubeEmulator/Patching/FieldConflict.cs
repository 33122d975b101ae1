namespace KubeEmulator.Patching;

/// <summary>A field the applier wants that another manager owns: Path is in the ".spec.replicas" form the real server prints.</summary>
public sealed record FieldConflict(string Manager, string Path);
