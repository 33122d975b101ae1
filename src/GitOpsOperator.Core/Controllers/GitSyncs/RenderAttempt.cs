using GitOpsOperator.Manifests;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>The objects a GitSync's path renders to at one revision, or the Ready reason and message of why it cannot.</summary>
public sealed record RenderAttempt(IReadOnlyList<RenderedObject>? Objects, string? FailureReason, string? FailureMessage, bool FromCache)
{
    /// <summary>A chart's hooks: run around the sync, never part of its objects.</summary>
    public IReadOnlyList<RenderedObject> Hooks { get; init; } = [];

    public static RenderAttempt Rendered(IReadOnlyList<RenderedObject> objects, bool fromCache) => new(objects, null, null, fromCache);

    public static RenderAttempt Failed(string reason, string message) => new(null, reason, message, false);
}
