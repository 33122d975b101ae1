namespace GitOpsOperator.Sync;

/// <summary>
/// One object a GitSync applied, as status.inventory records it: id <c>&lt;namespace&gt;_&lt;name&gt;_&lt;group&gt;_&lt;Kind&gt;</c>
/// (empty parts stay empty; none of them can contain '_') and the version it was applied at.
/// </summary>
public sealed record InventoryEntry(string Namespace, string Name, string Group, string Kind, string Version)
{
    public string Id => $"{Namespace}_{Name}_{Group}_{Kind}";

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Reads an entry back from its id and version; null when the id does not have four parts.</summary>
    public static InventoryEntry? Parse(string id, string version)
    {
        var parts = id.Split('_');
        return parts.Length == 4 && parts[1].Length > 0 && parts[3].Length > 0
            ? new InventoryEntry(parts[0], parts[1], parts[2], parts[3], version)
            : null;
    }

    public override string ToString() =>
        Namespace.Length == 0 ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
