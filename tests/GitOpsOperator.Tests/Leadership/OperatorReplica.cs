using System.Diagnostics;
using System.Text.Json.Nodes;
using GitOpsOperator.Tests.Support;

namespace GitOpsOperator.Tests.Leadership;

/// <summary>
/// The built operator as a separate process with leader election on and short lease timing, its JSON log lines
/// collected as they come. Killed on dispose if still running.
/// </summary>
internal sealed class OperatorReplica : IDisposable
{
    private static readonly string OperatorDll = Path.Combine(AppContext.BaseDirectory, "GitOpsOperator.dll");

    private readonly Process process;
    private readonly List<JsonNode> events = [];
    private readonly Task reading;

    private OperatorReplica(Process process)
    {
        this.process = process;
        reading = Task.Run(ReadLogAsync);
        _ = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Its Lease holderIdentity: host name and process id.</summary>
    public string Identity => $"{Environment.MachineName}_{process.Id}";

    public int Id => process.Id;

    /// <summary>Every log message so far, rendered (JSON rendering quotes string values; the quotes are left out here).</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (events)
            {
                return [.. events.Select(e => ((string?)e["@m"] ?? "").Replace("\"", "", StringComparison.Ordinal))];
            }
        }
    }

    /// <summary>Every log line so far, as written (every property, not only the message).</summary>
    public string Output
    {
        get
        {
            lock (events)
            {
                return string.Join('\n', events.Select(e => e.ToJsonString()));
            }
        }
    }

    /// <summary>Starts a replica; <paramref name="extraArgs"/> are added to its command line.</summary>
    public static OperatorReplica Start(string kubeconfig, string cacheDirectory, TimeSpan leaseDuration, params string[] extraArgs)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[OperatorDll, "--kubeconfig", kubeconfig, "--leader-election", "--namespace", ClusterWithCrds.Namespace,
            "--http-port", "0", "--http-address", "127.0.0.1", "--log-format", "json", .. extraArgs])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("POD_NAMESPACE");
        start.Environment["Operator__LeaseDuration"] = leaseDuration.ToString();
        start.Environment["Operator__RenewDeadline"] = "00:00:02";
        start.Environment["Operator__RetryPeriod"] = "00:00:00.500";
        start.Environment["Operator__GitCacheDirectory"] = cacheDirectory;
        return new OperatorReplica(Process.Start(start) ?? throw new InvalidOperationException("the operator did not start"));
    }

    public bool Logged(string text) => Messages.Any(m => m.Contains(text, StringComparison.Ordinal));

    /// <summary>The address of its HTTP endpoints, once it logged it.</summary>
    public Uri? HttpAddress
    {
        get
        {
            lock (events)
            {
                return events.Select(e => (string?)e["Address"]).OfType<string>().Select(a => new Uri(a)).FirstOrDefault();
            }
        }
    }

    /// <summary>Gone at once, as a crashed or OOM-killed pod: no shutdown, no Lease handed back.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>What Kubernetes sends a pod it deletes; returns the exit code once the process has ended.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(Eventually.Deadline);
        await process.WaitForExitAsync(deadline.Token);
        await reading;
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private async Task ReadLogAsync()
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith('{') && JsonNode.Parse(line) is { } parsed)
            {
                lock (events)
                {
                    events.Add(parsed);
                }
            }
        }
    }
}
