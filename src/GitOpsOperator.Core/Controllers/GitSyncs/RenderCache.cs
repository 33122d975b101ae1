using GitOpsOperator.Source.Export;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// The last few renders of one GitSync, most recently used first. A commit whose input trees match an entry reuses its
/// objects without rendering, so a commit elsewhere in the repository, or a revert to a tree seen before, costs no render.
/// </summary>
public sealed class RenderCache(int capacity)
{
    public const int DefaultCapacity = 5;

    private readonly Lock gate = new();
    private readonly LinkedList<RenderedSet> entries = new();

    public RenderCache()
        : this(DefaultCapacity)
    {
    }

    /// <summary>The render whose inputs have the same trees in this commit (and, for a chart, the same chart key), or null.</summary>
    public RenderedSet? Find(ExportedTree tree, string? targetNamespace, string? chartKey = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        lock (gate)
        {
            for (var node = entries.First; node is not null; node = node.Next)
            {
                var set = node.Value;
                if (set.Path == tree.Path && set.TargetNamespace == targetNamespace && set.ChartKey == chartKey && InputsMatch(set, tree))
                {
                    entries.Remove(node);
                    entries.AddFirst(node);
                    return set;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// True when the most recently used render read the same trees in this commit (opened at any path of it), so the
    /// commit changes none of the objects last rendered; false when they moved or nothing was rendered yet.
    /// </summary>
    public bool LatestInputsMatch(ExportedTree commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (gate)
        {
            return entries.First?.Value is { } latest && InputsMatch(latest, commit);
        }
    }

    public void Add(RenderedSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        lock (gate)
        {
            entries.AddFirst(set);
            while (entries.Count > capacity)
            {
                entries.RemoveLast();
            }
        }
    }

    private static bool InputsMatch(RenderedSet set, ExportedTree tree) =>
        set.InputTrees.All(input => tree.TreeHashOf(input.Key) is { Succeeded: true } hash && hash.Value == input.Value);
}
