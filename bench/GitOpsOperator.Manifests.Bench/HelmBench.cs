using System.Diagnostics;
using System.Globalization;
using GitOpsOperator.Manifests.Helm;

namespace GitOpsOperator.Manifests.Bench;

/// <summary>
/// A chart of 200 templates rendered by <c>helm template</c> alone and through our renderer (which runs the same helm,
/// then reads and validates its output). Our CPU counts our process and the helm it waited for.
/// </summary>
internal static class HelmBench
{
    private const int Templates = 200;

    public static async Task<int> RunAsync(int runs, string ns)
    {
        using var chart = new GeneratedChart(Templates);
        var renderer = new ManifestRenderer();
        var scope = new StaticApiScope(new Dictionary<GroupVersionKind, bool>
        {
            [new("apps", "v1", "Deployment")] = true,
            [new("", "v1", "ConfigMap")] = true,
        });
        Console.WriteLine($"chart: {Templates} templates, {chart.Objects} objects");
        Console.WriteLine("reproduce: PATH=$PWD/.tools/bin:$PATH dotnet run -c Release --project bench/GitOpsOperator.Manifests.Bench -- --helm");
        Console.WriteLine();

        string[] template = ["template", "big", Path.Combine(chart.Root, "chart"), "--namespace", ns];
        await ChildProcessTiming.RunAsync("helm", template);
        await RenderAsync();
        var timings = new[]
        {
            await Timing.MeasureAsync("helm template", runs, () => ChildProcessTiming.RunAsync("helm", template)),
            await Timing.MeasureAsync("ours: helm template + read + validate", runs, RenderAsync),
        };
        foreach (var timing in timings)
        {
            Console.WriteLine(timing);
        }

        return 0;

        async Task<Timing.Outcome> RenderAsync()
        {
            var cpuBefore = OwnAndChildrenCpu();
            var result = await renderer.RenderAsync(
                new RenderRequest(chart.Root, "chart", ns, scope) { Helm = new HelmRelease("big", ns) }, CancellationToken.None);
            if (result.Objects.Count != chart.Objects)
            {
                throw new InvalidOperationException($"rendered {result.Objects.Count} objects: {string.Join("; ", result.Errors.Take(3))}");
            }

            return new Timing.Outcome(OwnAndChildrenCpu() - cpuBefore, $"{result.Objects.Count} objects");
        }
    }

    /// <summary>This process's CPU plus that of the children it waited for (/proc/self/stat cutime + cstime, in clock ticks).</summary>
    private static TimeSpan OwnAndChildrenCpu()
    {
        var own = Process.GetCurrentProcess().TotalProcessorTime;
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After "pid (comm) ", field 3 (state) is index 0: cutime is field 16, cstime field 17.
        var ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return own + TimeSpan.FromSeconds(ticks / 100.0);
    }
}
