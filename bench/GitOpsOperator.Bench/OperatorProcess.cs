using System.Diagnostics;
using System.Globalization;

namespace GitOpsOperator.Bench;

/// <summary>The operator running as its own process (as it would in a Pod), so its memory and CPU are its own.</summary>
internal sealed class OperatorProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Task draining;
    private int reconciles;
    private long firstReconcile;
    private int following;

    private OperatorProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, line) => CountReconcile(line.Data);
        process.BeginOutputReadLine();
        draining = process.StandardError.ReadToEndAsync();
    }

    /// <summary>GitSync reconciles the operator has logged so far.</summary>
    public int GitSyncReconciles => Volatile.Read(ref reconciles);

    /// <summary>When (a <see cref="Stopwatch"/> timestamp) it logged its first GitSync reconcile; 0 before.</summary>
    public long FirstReconcileAt => Interlocked.Read(ref firstReconcile);

    /// <summary>Whether it logged that it follows another replica's leadership.</summary>
    public bool Following => Volatile.Read(ref following) == 1;

    public static OperatorProcess Start(string kubeconfig, string cacheDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "GitOpsOperator.dll"), "--kubeconfig", kubeconfig, "--http-address", "127.0.0.1", "--http-port", "0",
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Operator__GitCacheDirectory"] = cacheDirectory;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new OperatorProcess(Process.Start(start) ?? throw new InvalidOperationException("the operator did not start"));
    }

    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>Resident set size in bytes (VmRSS of /proc/PID/status).</summary>
    public long ResidentBytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
            return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    private void CountReconcile(string? line)
    {
        if (line is not null && line.Contains("Reconciled", StringComparison.Ordinal) && line.Contains("GitSync", StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref firstReconcile, Stopwatch.GetTimestamp(), 0);
            Interlocked.Increment(ref reconciles);
        }

        if (line is not null && line.Contains("follows the leader", StringComparison.Ordinal))
        {
            Volatile.Write(ref following, 1);
        }
    }

    /// <summary>Gone at once, as an OOM-killed pod: SIGKILL, no shutdown, no Lease handed back.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        await draining;
        process.Dispose();
    }
}
