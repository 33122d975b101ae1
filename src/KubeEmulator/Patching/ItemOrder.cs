namespace KubeEmulator.Patching;

/// <summary>
/// The order of a merged keyed list: items both lists share follow the applied order, items only the live
/// list has stay where they were, new items come right after the applied item before them.
/// </summary>
internal static class ItemOrder
{
    /// <summary>Pairs of (live item, applied item) in result order; either side is null when absent.</summary>
    public static IEnumerable<(ListItem? Live, ListItem? Applied)> Interleave(IReadOnlyList<ListItem> live, IReadOnlyList<ListItem> applied)
    {
        var liveByElement = live.ToDictionary(item => item.Element, StringComparer.Ordinal);
        var appliedElements = applied.Select(item => item.Element).ToHashSet(StringComparer.Ordinal);
        var shared = new Queue<string>(applied.Select(item => item.Element).Where(liveByElement.ContainsKey));
        var nextShared = shared.Count > 0 ? shared.Dequeue() : null;
        var emitted = new HashSet<string>(StringComparer.Ordinal);

        var l = 0;
        var a = 0;
        while (l < live.Count || a < applied.Count)
        {
            if (l < live.Count && a < applied.Count)
            {
                var element = live[l].Element;
                if (element == applied[a].Element)
                {
                    emitted.Add(element);
                    yield return (live[l], applied[a]);
                    l++;
                    a++;
                    nextShared = shared.Count > 0 ? shared.Dequeue() : null;
                    continue;
                }

                if (appliedElements.Contains(element) && nextShared is not null && nextShared != element)
                {
                    l++;
                    continue;
                }
            }

            if (l < live.Count)
            {
                var element = live[l].Element;
                if (!appliedElements.Contains(element))
                {
                    yield return (live[l], null);
                    l++;
                    continue;
                }

                if (emitted.Contains(element))
                {
                    l++;
                    continue;
                }
            }

            if (a < applied.Count)
            {
                var element = applied[a].Element;
                emitted.Add(element);
                yield return (liveByElement.GetValueOrDefault(element), applied[a]);
                a++;
                if (nextShared == element)
                {
                    nextShared = shared.Count > 0 ? shared.Dequeue() : null;
                }
            }
        }
    }
}
