using System.Diagnostics;
using System.Globalization;
using GitOpsOperator.Source;
using GitOpsOperator.Source.Bench;
using GitOpsOperator.Source.Tests.Fixtures;
using GitOpsOperator.Source.Tests.Servers;
using Microsoft.Extensions.Logging.Abstractions;

var files = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
var commits = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
const int Repeats = 5;
const int CloneRepeats = 3;
var root = Directory.CreateTempSubdirectory("gitops-source-bench-").FullName;
var serveRoot = Path.Combine(root, "srv");
Directory.CreateDirectory(serveRoot);
try
{
    Console.WriteLine($"Generating a repository of {files} files and {commits} commits…");
    var large = await LargeRepo.CreateAsync(serveRoot, "large", files, commits);
    await using var server = await SmartHttpServer.StartAsync(serveRoot);
    var url = server.Url("open", large.Name);
    var request = Requests.For(url, timeout: TimeSpan.FromMinutes(5));
    var gitClone = string.Empty;
    var cache = new GitSourceCache(Path.Combine(root, "cache-0"), NullLogger<GitSourceCache>.Instance);
    var rows = new List<Measurement>();

    async Task<Measurement> Measure(string operation, string tool, Func<Task<string>> run)
    {
        var before = server.Requests.Count;
        var clock = Stopwatch.StartNew();
        var report = await run();
        clock.Stop();
        var served = server.Requests.Skip(before).ToList();
        return new Measurement(operation, tool, clock.Elapsed, served.Count, served.Sum(r => r.BytesSent), report);
    }

    async Task<string> Poll()
    {
        var result = await cache.PollAsync(request, CancellationToken.None);
        return result.Succeeded
            ? $"fetched={result.Fetched}, received {result.BytesReceived} B"
            : throw new InvalidOperationException(result.Failure!.ToString());
    }

    for (var i = 0; i < CloneRepeats; i++)
    {
        cache.Dispose();
        cache = new GitSourceCache(Path.Combine(root, $"cache-{i}"), NullLogger<GitSourceCache>.Instance);
        gitClone = Path.Combine(root, $"git-clone-{i}.git");
        var target = gitClone;
        rows.Add(await Measure("initial clone", "git clone --bare", () => Cli.GitAsync("clone", "--bare", "--quiet", url, target)));
        rows.Add(await Measure("initial clone", "GitSourceCache.PollAsync", Poll));
    }
    for (var i = 0; i < Repeats; i++)
    {
        rows.Add(await Measure("no-change poll", "GitSourceCache.PollAsync", Poll));
        rows.Add(await Measure("no-change poll", "git ls-remote", async () => $"{(await Cli.GitAsync("ls-remote", url)).Split('\n').Length} refs"));
    }

    for (var i = 0; i < Repeats; i++)
    {
        await large.ChangeOneFileAsync();
        rows.Add(await Measure("one-commit fetch", "GitSourceCache.PollAsync", Poll));
        rows.Add(await Measure("one-commit fetch", "git fetch", () => Cli.GitAsync("-C", gitClone, "fetch", "--quiet", url, "+refs/heads/main:refs/heads/main")));
    }

    Console.WriteLine();
    Console.WriteLine($"Smart HTTP (Kestrel + git http-backend on 127.0.0.1), {files} files, {commits} commits; median of {CloneRepeats} clones (alternating) and {Repeats} polls and fetches.");
    Console.WriteLine();
    Console.WriteLine("| operation | tool | median time (ms) | HTTP requests | bytes served (median, min–max) | client report (last run) |");
    Console.WriteLine("| --- | --- | ---: | ---: | ---: | --- |");
    foreach (var group in rows.GroupBy(row => (row.Operation, row.Tool)))
    {
        var runs = group.ToList();
        var time = runs.Select(row => row.Time.TotalMilliseconds).Order().ElementAt(runs.Count / 2);
        var bytes = runs.Select(row => row.BytesServed).Order().ToList();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {group.Key.Operation} | {group.Key.Tool} | {time:0} | {runs[^1].Requests} | {bytes[bytes.Count / 2]} ({bytes[0]}–{bytes[^1]}) | {runs[^1].ClientReport} |"));
    }

    Console.WriteLine();
    Console.WriteLine($"Polls answered without fetch: {cache.Statistics.PollsWithoutFetch} of {cache.Statistics.Polls}.");
    cache.Dispose();
    Console.WriteLine("Reproduce: dotnet run -c Release --project bench/GitOpsOperator.Source.Bench [files] [commits]");
}
finally
{
    Directory.Delete(root, recursive: true);
}
