using GitOpsOperator.Manifests;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>The rendered objects a successful full sync applied, for which generation, and when.</summary>
public sealed record SyncedSet(IReadOnlyList<RenderedObject> Objects, long Generation, DateTimeOffset At);
