namespace GitOpsOperator.Source.Remote;

/// <summary>
/// The private key and known_hosts of one request, written where ssh can read them: a private temporary
/// directory (mode 0700, files 0600) that is removed on dispose.
/// </summary>
internal sealed class SshKeyFiles : IDisposable
{
    private readonly DirectoryInfo _directory;

    private SshKeyFiles(DirectoryInfo directory, string identityPath, string knownHostsPath)
    {
        _directory = directory;
        IdentityPath = identityPath;
        KnownHostsPath = knownHostsPath;
    }

    public string IdentityPath { get; }

    public string KnownHostsPath { get; }

    public static SshKeyFiles Write(GitCredentials.Ssh credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("ssh key files need Unix file modes");
        }

        var directory = Directory.CreateTempSubdirectory("gitops-ssh-");
        File.SetUnixFileMode(directory.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var identity = WritePrivate(directory, "identity", WithFinalNewline(credentials.Identity));
        var knownHosts = WritePrivate(directory, "known_hosts", WithFinalNewline(credentials.KnownHosts));
        return new SshKeyFiles(directory, identity, knownHosts);
    }

    /// <summary>The command git runs for the ssh transport: only this key, only this known_hosts, never a prompt.</summary>
    public string SshCommand(TimeSpan timeout) =>
        $"ssh -F /dev/null -i '{IdentityPath}' -o IdentitiesOnly=yes -o UserKnownHostsFile='{KnownHostsPath}' " +
        $"-o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes -o BatchMode=yes " +
        $"-o ConnectTimeout={Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds))}";

    public void Dispose() => _directory.Delete(recursive: true);

    private static string WritePrivate(DirectoryInfo directory, string name, byte[] content)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("ssh key files need Unix file modes");
        }

        var path = Path.Combine(directory.FullName, name);
        using (var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            stream.Write(content);
        }

        return path;
    }

    private static byte[] WithFinalNewline(byte[] content) =>
        content.Length > 0 && content[^1] == (byte)'\n' ? content : [.. content, (byte)'\n'];
}
