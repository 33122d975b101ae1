namespace GitOpsOperator.Sync;

/// <summary>Runs work over objects kind group by kind group in <see cref="ApplyOrder"/> (or its reverse), in parallel within a group.</summary>
internal static class OrderedBatches
{
    /// <summary>Runs the body for each item; stops starting new ones once the body returns false.</summary>
    public static async Task RunAsync<T>(IEnumerable<T> items, Func<T, string> kindOf, bool reverse, int parallelism, Func<T, CancellationToken, Task<bool>> body, CancellationToken cancellationToken)
    {
        var groups = items.GroupBy(item => (Rank: ApplyOrder.Rank(kindOf(item)), Kind: kindOf(item)));
        var ordered = reverse
            ? groups.OrderByDescending(g => g.Key.Rank).ThenByDescending(g => g.Key.Kind, StringComparer.Ordinal)
            : groups.OrderBy(g => g.Key.Rank).ThenBy(g => g.Key.Kind, StringComparer.Ordinal);
        var stopped = 0;
        foreach (var group in ordered)
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(group, options, async (item, token) =>
            {
                if (Volatile.Read(ref stopped) == 0 && !await body(item, token))
                {
                    Interlocked.Exchange(ref stopped, 1);
                }
            });
            if (Volatile.Read(ref stopped) != 0)
            {
                return;
            }
        }
    }
}
