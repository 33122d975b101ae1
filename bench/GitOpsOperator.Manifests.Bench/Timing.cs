using System.Diagnostics;

namespace GitOpsOperator.Manifests.Bench;

/// <summary>
/// Runs an operation several times and keeps the medians of its wall-clock and CPU times. On a shared machine the
/// CPU time (user + system, the tool's own process) is the figure that compares tools fairly.
/// </summary>
internal sealed record Timing(string Tool, TimeSpan MedianWall, TimeSpan MedianCpu, TimeSpan FastestCpu, string Note)
{
    public static async Task<Timing> MeasureAsync(string tool, int runs, Func<Task<Outcome>> operation)
    {
        var walls = new List<TimeSpan>();
        var cpus = new List<TimeSpan>();
        var note = "";
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            var outcome = await operation();
            walls.Add(watch.Elapsed);
            cpus.Add(outcome.Cpu);
            note = outcome.Note;
        }

        walls.Sort();
        cpus.Sort();
        return new Timing(tool, walls[walls.Count / 2], cpus[cpus.Count / 2], cpus[0], note);
    }

    public override string ToString() =>
        $"{Tool,-58} cpu median {MedianCpu.TotalMilliseconds,6:F0} ms (best {FastestCpu.TotalMilliseconds,6:F0})   wall median {MedianWall.TotalMilliseconds,6:F0} ms   {Note}";

    /// <summary>What one run reports: the CPU time it used and a note (objects, bytes).</summary>
    public sealed record Outcome(TimeSpan Cpu, string Note);
}
