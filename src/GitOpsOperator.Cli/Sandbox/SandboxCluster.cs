using GitOpsOperator.Crds;
using k8s;
using k8s.Models;
using KubeEmulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsOperator.Sandbox;

/// <summary>
/// A fresh emulated cluster for the sandbox (it keeps nothing between runs): on 127.0.0.1:6443 when that is free,
/// with its kubeconfig at <see cref="SandboxLayout.Kubeconfig"/>, the CRDs installed and the operator's namespace.
/// </summary>
public sealed class SandboxCluster : IAsyncDisposable
{
    public const int PreferredPort = 6443;

    private static readonly TimeSpan CrdTimeout = TimeSpan.FromSeconds(30);

    private readonly EmulatedCluster cluster;

    private SandboxCluster(EmulatedCluster cluster) => this.cluster = cluster;

    public string Url => cluster.Url;

    public IKubernetes Client => cluster.Client;

    public static async Task<SandboxCluster> StartAsync(SandboxLayout layout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var emulator = await StartEmulatorAsync(cancellationToken).ConfigureAwait(false);
        var cluster = new SandboxCluster(emulator);
        try
        {
            Directory.CreateDirectory(layout.Root);
            File.Copy(emulator.KubeconfigPath, layout.Kubeconfig, overwrite: true);
            var installer = new CrdInstaller(emulator.Client, NullLogger<CrdInstaller>.Instance, TimeProvider.System);
            await installer.InstallAsync(CrdManifests.All(), CrdTimeout, cancellationToken).ConfigureAwait(false);
            await emulator.Client.CoreV1.CreateNamespaceAsync(
                new V1Namespace { Metadata = new V1ObjectMeta { Name = SandboxObjects.Namespace } }, cancellationToken: cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    private static async Task<EmulatedCluster> StartEmulatorAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await EmulatedCluster.StartAsync(new EmulatorOptions { Port = PreferredPort }, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return await EmulatedCluster.StartAsync(new EmulatorOptions { Port = 0 }, cancellationToken).ConfigureAwait(false);
        }
    }
}
