namespace GitOpsOperator.Manifests;

/// <summary>
/// The value a render returns: either objects, or "empty" (the path renders nothing), or errors.
/// Never objects and errors together: one bad file fails the whole render.
/// </summary>
public sealed record RenderResult
{
    private RenderResult(RenderOutcome outcome, IReadOnlyList<RenderedObject> objects, IReadOnlyList<RenderError> errors, IReadOnlyList<string> inputPaths)
    {
        Outcome = outcome;
        Objects = objects;
        Errors = errors;
        InputPaths = inputPaths;
    }

    public RenderOutcome Outcome { get; }

    public IReadOnlyList<RenderedObject> Objects { get; }

    public IReadOnlyList<RenderError> Errors { get; }

    /// <summary>Repo-relative directories whose content the render read; a cache key over their trees covers the render.</summary>
    public IReadOnlyList<string> InputPaths { get; }

    /// <summary>A chart's hooks (objects annotated <c>helm.sh/hook</c>, tests left out): run around a sync, never part of its set.</summary>
    public IReadOnlyList<RenderedObject> Hooks { get; private init; } = [];

    public bool Succeeded => Outcome != RenderOutcome.Failed;

    public static RenderResult Rendered(IReadOnlyList<RenderedObject> objects, IReadOnlyList<string> inputPaths) =>
        objects.Count == 0
            ? new RenderResult(RenderOutcome.Empty, [], [], inputPaths)
            : new RenderResult(RenderOutcome.Rendered, objects, [], inputPaths);

    public static RenderResult Rendered(IReadOnlyList<RenderedObject> objects, IReadOnlyList<RenderedObject> hooks, IReadOnlyList<string> inputPaths) =>
        objects.Count == 0 && hooks.Count == 0
            ? Rendered(objects, inputPaths)
            : new RenderResult(RenderOutcome.Rendered, objects, [], inputPaths) { Hooks = hooks };

    public static RenderResult Failed(IReadOnlyList<RenderError> errors, IReadOnlyList<string> inputPaths) =>
        errors.Count == 0
            ? throw new ArgumentException("A failed render needs at least one error.", nameof(errors))
            : new RenderResult(RenderOutcome.Failed, [], errors, inputPaths);

    public static RenderResult Failed(RenderError error) => Failed([error], []);
}
