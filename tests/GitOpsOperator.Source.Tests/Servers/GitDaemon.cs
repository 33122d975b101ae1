using System.Diagnostics;
using GitOpsOperator.Source.Tests.Fixtures;

namespace GitOpsOperator.Source.Tests.Servers;

/// <summary><c>git daemon</c> serving every repository under a directory on a loopback port, for fetch and push.</summary>
public sealed class GitDaemon : IAsyncDisposable
{
    private readonly string _basePath;
    private Process _process;

    private GitDaemon(Process process, string basePath, int port)
    {
        _process = process;
        _basePath = basePath;
        Port = port;
    }

    public int Port { get; }

    public static async Task<GitDaemon> StartAsync(string basePath)
    {
        var port = Cli.FreePort();
        return new GitDaemon(await LaunchAsync(basePath, port), basePath, port);
    }

    public string Url(string repoName) => $"git://127.0.0.1:{Port}/{repoName}.git";

    /// <summary>Ends the daemon: clients now find nothing listening on its port.</summary>
    public async Task StopAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Starts the daemon again on the same port after <see cref="StopAsync"/>.</summary>
    public async Task StartAgainAsync()
    {
        _process.Dispose();
        _process = await LaunchAsync(_basePath, Port);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<Process> LaunchAsync(string basePath, int port)
    {
        var start = new ProcessStartInfo("/usr/lib/git-core/git-daemon") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--export-all", "--enable=receive-pack", "--reuseaddr", "--informative-errors", $"--base-path={basePath}", "--listen=127.0.0.1", $"--port={port}", basePath,
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        await Cli.WaitForPortAsync(port, TimeSpan.FromSeconds(30));
        return process;
    }
}
