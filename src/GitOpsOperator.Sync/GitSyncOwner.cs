using System.Text.Json.Nodes;
using GitOpsOperator.Sync.Live;

namespace GitOpsOperator.Sync;

/// <summary>The GitSync an object belongs to, as the owner labels on the object record it.</summary>
public sealed record GitSyncOwner(string Namespace, string Name)
{
    public const string NameLabel = "gitops.operator.io/name";
    public const string NamespaceLabel = "gitops.operator.io/namespace";

    /// <summary>The owner the live object's labels name, or null when it carries no owner labels.</summary>
    public static GitSyncOwner? Of(JsonObject liveObject) =>
        ObjectJson.Label(liveObject, NameLabel) is { Length: > 0 } name
            ? new GitSyncOwner(ObjectJson.Label(liveObject, NamespaceLabel) ?? "", name)
            : null;

    /// <summary>Adds this owner's labels to an object about to be applied.</summary>
    public void Label(JsonObject obj)
    {
        var metadata = obj["metadata"] as JsonObject ?? [];
        obj["metadata"] = metadata;
        var labels = metadata["labels"] as JsonObject ?? [];
        metadata["labels"] = labels;
        labels[NameLabel] = Name;
        labels[NamespaceLabel] = Namespace;
    }

    public override string ToString() => $"{Namespace}/{Name}";
}
