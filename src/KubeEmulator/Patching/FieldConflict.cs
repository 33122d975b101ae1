namespace KubeEmulator.Patching;

/// <summary>A field the applier wants that another manager owns: Path is in the ".spec.replicas" form the real server prints.</summary>
public sealed record FieldConflict(string Manager, string Path)
{
    /// <summary>The apiVersion of an Update-operation owner (kubectl edit, client-side apply); null for an Apply owner.</summary>
    public string? UpdateApiVersion { get; init; }

    /// <summary>The subresource the owner wrote through, if any.</summary>
    public string? Subresource { get; init; }

    /// <summary>The owner as the server names it: "a", or "kubectl-client-side-apply" using apps/v1.</summary>
    public string DescribeManager()
    {
        var text = $"\"{Manager}\"";
        if (Subresource is not null)
        {
            text += $" with subresource \"{Subresource}\"";
        }

        return UpdateApiVersion is null ? text : $"{text} using {UpdateApiVersion}";
    }
}
