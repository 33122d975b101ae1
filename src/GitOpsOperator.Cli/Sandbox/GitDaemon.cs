using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GitOpsOperator.Sandbox;

/// <summary>
/// <c>git daemon</c> as a child process serving the sandbox's repositories over git:// on loopback, pushes
/// included; killed with its children on dispose.
/// </summary>
public sealed class GitDaemon : IAsyncDisposable
{
    public const int PreferredPort = 9418;

    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);

    private readonly Process process;

    private GitDaemon(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The git:// URL of a repository under the served directory.</summary>
    public string Url(string repositoryName) => $"git://127.0.0.1:{Port}/{repositoryName}.git";

    /// <summary>Starts on port 9418 when it is free, else on any free port (also when another process took 9418 meanwhile).</summary>
    public static async Task<GitDaemon> StartAsync(string servedDirectory, CancellationToken cancellationToken)
    {
        var port = LoopbackPorts.PreferredOrFree(PreferredPort);
        try
        {
            return await StartOnAsync(servedDirectory, port, cancellationToken).ConfigureAwait(false);
        }
        catch (SandboxException) when (port == PreferredPort)
        {
            return await StartOnAsync(servedDirectory, LoopbackPorts.Free(), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        process.Dispose();
    }

    private static async Task<GitDaemon> StartOnAsync(string servedDirectory, int port, CancellationToken cancellationToken)
    {
        var start = GitCli.StartInfo(null,
        [
            "daemon", "--export-all", "--enable=receive-pack", "--reuseaddr", "--informative-errors",
            $"--base-path={servedDirectory}", "--listen=127.0.0.1", $"--port={port}", servedDirectory,
        ]);
        var process = GitCli.Start(start);
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, line) =>
        {
            lock (errors)
            {
                errors.AppendLine(line.Data);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        process.StandardInput.Close();

        var daemon = new GitDaemon(process, port);
        try
        {
            await daemon.WaitListeningAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await daemon.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (process.HasExited)
        {
            await daemon.DisposeAsync().ConfigureAwait(false);
            lock (errors)
            {
                throw new SandboxException($"git daemon could not serve {servedDirectory} on port {port}: {GitCli.FirstLine(errors.ToString())}");
            }
        }

        return daemon;
    }

    /// <summary>Returns once the daemon accepts connections or has exited (the caller looks at which).</summary>
    private async Task WaitListeningAsync(CancellationToken cancellationToken)
    {
        var giveUp = DateTime.UtcNow + StartDeadline;
        while (!process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < giveUp)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException error)
            {
                throw new SandboxException($"git daemon did not listen on 127.0.0.1:{Port} within {StartDeadline.TotalSeconds:0}s", error);
            }
        }
    }
}
