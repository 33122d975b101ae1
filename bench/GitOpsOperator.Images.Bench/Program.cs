using System.Diagnostics;
using System.Globalization;
using GitOpsOperator.Images;
using GitOpsOperator.Images.Bench;
using GitOpsOperator.Images.Registry;
using GitOpsOperator.Images.Tests.Fronts;

// Scans a repository of N tags on the tests' registry front over loopback, with Bearer-token auth, and prints per
// scan: time, registry requests, bytes allocated during the scan, bytes the listing keeps; then the process's peak
// working set.
// Usage: dotnet run -c Release --project bench/GitOpsOperator.Images.Bench -- [--tags 10000] [--scans 5] [--one-page]
// `--release [--releases 5] [--interval 5]`: registry push → Deployment live, by polling and by webhook (ReleaseBench).
if (args.Contains("--release"))
{
    return await ReleaseBench.RunAsync(Option("--releases", 5), TimeSpan.FromSeconds(Option("--interval", 5)));
}

var tagCount = Option("--tags", 10_000);
var scans = Option("--scans", 5);
var onePage = args.Contains("--one-page");

await using var front = await RegistryFront.StartAsync();
front.RequireToken = true;
front.HonourPageSize = !onePage;
front.Repositories["bench/app"] = [.. Enumerable.Range(0, tagCount).Select(i => $"1.{i / 1000}.{i % 1000}")];

using var handler = new SocketsHttpHandler();
var lister = new TagLister(new RegistryHttp(handler, TimeProvider.System));
var target = new RegistryTarget(
    ImageReference.TryParse($"{front.Address}/bench/app", out _)!,
    RegistryCredentials.Basic(RegistryFront.Username, RegistryFront.Password), true, TimeSpan.FromMinutes(1));
var limit = new ScanOptions().MaxTags;

Console.WriteLine($"{tagCount} tags, {(onePage ? "one page (as distribution 2.8)" : $"pages of {TagLister.PageSize}")}, Bearer token auth, tag limit {limit}");
Console.WriteLine("scan  ms      requests  allocated-KiB  kept-KiB       tags");
for (var scan = 1; scan <= scans; scan++)
{
    var line = await ScanAsync(scan);
    if (line.StartsWith("error", StringComparison.Ordinal))
    {
        Console.Error.WriteLine(line);
        return 1;
    }

    Console.WriteLine(line);
}

Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB (whole process: runtime, Kestrel front and client)");
return 0;

async Task<string> ScanAsync(int scan)
{
    var requestsBefore = front.Requests.Count;
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    var listed = await lister.ListAsync(target, limit, CancellationToken.None);
    clock.Stop();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    var failure = listed.Failure;
    var count = listed.Value?.Tags.Count;
    var kept = listed.Value is { } value ? KeptBytes(value.Tags) : 0;
    return failure is not null
        ? $"error: {failure}"
        : string.Create(CultureInfo.InvariantCulture,
            $"{scan,-5} {clock.Elapsed.TotalMilliseconds,-7:F0} {front.Requests.Count - requestsBefore,-9} {allocated / 1024,-14} {kept / 1024,-14} {count}");
}

// What a listing keeps on a 64-bit runtime: each string (24-byte header and length, 2 bytes a char, 8-byte aligned)
// and the list's reference array.
static long KeptBytes(IReadOnlyList<string> tags) =>
    tags.Sum(tag => (22L + (2L * tag.Length) + 7) / 8 * 8) + (8L * tags.Count) + 32;

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
