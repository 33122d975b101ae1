using System.Diagnostics;
using GitOpsOperator.Source.Tests.Fixtures;

namespace GitOpsOperator.Source.Tests.Servers;

/// <summary>
/// OpenSSH <c>sshd</c> on a loopback port with its own host key, accepting one client key for the current user.
/// Also holds a second host key, for a known_hosts line that must be refused.
/// </summary>
public sealed class SshServer : IAsyncDisposable
{
    private readonly Process _process;

    private SshServer(Process process, int port, byte[] clientKey, byte[] knownHosts, byte[] wrongKnownHosts)
    {
        _process = process;
        Port = port;
        ClientKey = clientKey;
        KnownHosts = knownHosts;
        WrongKnownHosts = wrongKnownHosts;
    }

    public int Port { get; }

    public byte[] ClientKey { get; }

    public byte[] KnownHosts { get; }

    public byte[] WrongKnownHosts { get; }

    public static async Task<SshServer> StartAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        Directory.CreateDirectory("/run/sshd");
        var hostKey = await KeyAsync(directory, "host_key");
        var otherHostKey = await KeyAsync(directory, "other_host_key");
        var clientKey = await KeyAsync(directory, "client_key");
        var authorizedKeys = Path.Combine(directory, "authorized_keys");
        await File.WriteAllTextAsync(authorizedKeys, await File.ReadAllTextAsync(clientKey + ".pub"));

        var port = Cli.FreePort();
        var config = Path.Combine(directory, "sshd_config");
        await File.WriteAllLinesAsync(config,
        [
            $"Port {port}", "ListenAddress 127.0.0.1", $"HostKey {hostKey}", $"PidFile {Path.Combine(directory, "sshd.pid")}",
            $"AuthorizedKeysFile {authorizedKeys}", "StrictModes no", "PermitRootLogin prohibit-password", "PasswordAuthentication no",
            "KbdInteractiveAuthentication no", "PubkeyAuthentication yes", "UsePAM no",
        ]);
        var start = new ProcessStartInfo("/usr/sbin/sshd") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-D", "-e", "-f", config })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        await Cli.WaitForPortAsync(port, TimeSpan.FromSeconds(30));
        return new SshServer(
            process,
            port,
            await File.ReadAllBytesAsync(clientKey),
            KnownHostsLine(port, await File.ReadAllTextAsync(hostKey + ".pub")),
            KnownHostsLine(port, await File.ReadAllTextAsync(otherHostKey + ".pub")));
    }

    public string Url(string gitDir) => $"ssh://{Environment.UserName}@127.0.0.1:{Port}{gitDir}";

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static async Task<string> KeyAsync(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        await Cli.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", string.Empty, "-C", name, "-f", path]);
        return path;
    }

    private static byte[] KnownHostsLine(int port, string publicKey)
    {
        var parts = publicKey.Trim().Split(' ');
        return System.Text.Encoding.ASCII.GetBytes($"[127.0.0.1]:{port} {parts[0]} {parts[1]}\n");
    }
}
