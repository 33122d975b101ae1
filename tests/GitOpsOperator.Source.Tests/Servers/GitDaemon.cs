using System.Diagnostics;
using GitOpsOperator.Source.Tests.Fixtures;

namespace GitOpsOperator.Source.Tests.Servers;

/// <summary><c>git daemon</c> serving every repository under a directory on a loopback port.</summary>
public sealed class GitDaemon : IAsyncDisposable
{
    private readonly Process _process;

    private GitDaemon(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<GitDaemon> StartAsync(string basePath)
    {
        var port = Cli.FreePort();
        var start = new ProcessStartInfo("/usr/lib/git-core/git-daemon") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--export-all", "--reuseaddr", "--informative-errors", $"--base-path={basePath}", "--listen=127.0.0.1", $"--port={port}", basePath,
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
        return new GitDaemon(process, port);
    }

    public string Url(string repoName) => $"git://127.0.0.1:{Port}/{repoName}.git";

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
