namespace KubeEmulator.Patching;

/// <summary>One metadata.managedFields entry: who owns which fields, through which operation.</summary>
internal sealed record ManagedFieldsEntry(string Manager, string Operation, string? ApiVersion, string? Time, string? Subresource, FieldSet Fields)
{
    public const string Apply = "Apply";
    public const string Update = "Update";

    /// <summary>Apply entries are one per manager and subresource; Update entries also differ by apiVersion.</summary>
    public bool SameOwnerAs(ManagedFieldsEntry other) =>
        Manager == other.Manager && Operation == other.Operation && Subresource == other.Subresource
        && (Operation == Apply || ApiVersion == other.ApiVersion);
}
