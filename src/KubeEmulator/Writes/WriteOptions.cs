namespace KubeEmulator.Writes;

/// <summary>How one write request asks to be handled.</summary>
/// <param name="Subresource">"status" for writes through the status subresource, else null.</param>
/// <param name="ManagedFieldsSet">True when server-side apply already recorded field ownership.</param>
internal sealed record WriteOptions(
    string? Subresource,
    string Manager,
    FieldValidation FieldValidation,
    bool DryRun,
    bool ManagedFieldsSet,
    DateTimeOffset Now)
{
    /// <summary>Warning texts for the response's Warning headers.</summary>
    public List<string> Warnings { get; } = [];
}
