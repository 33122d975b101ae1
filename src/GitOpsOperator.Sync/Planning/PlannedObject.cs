using System.Text.Json.Nodes;
using GitOpsOperator.Manifests;
using GitOpsOperator.Sync.Api;

namespace GitOpsOperator.Sync.Planning;

/// <summary>
/// A desired object paired with its live state: the body to apply (owner labels added; null when the plan decided without a
/// dry-run that nothing is written), what applying it would do, whether it must be recreated, and the inventory record
/// to keep when nothing is written.
/// </summary>
public sealed record PlannedObject(RenderedObject Desired, ResourceType Resource, JsonObject? Body, ChangeAction Action, string Reason)
{
    public bool Recreate { get; init; }

    public InventoryRecord? Record { get; init; }

    public bool NeedsWrite => Action is ChangeAction.Created or ChangeAction.Configured;

    public Change Change => new(Desired.Identity, Action, Reason);
}
