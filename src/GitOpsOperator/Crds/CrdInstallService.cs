using GitOpsOperator.Hosting;
using Microsoft.Extensions.Hosting;

namespace GitOpsOperator.Crds;

/// <summary>With --install-crds: installs the embedded CRDs before the operator starts its controllers.</summary>
public sealed class CrdInstallService : IHostedService
{
    public const string ReadinessPart = "crds";

    private static readonly TimeSpan EstablishTimeout = TimeSpan.FromSeconds(60);

    private readonly CrdInstaller installer;
    private readonly Readiness readiness;

    public CrdInstallService(CrdInstaller installer, Readiness readiness)
    {
        this.installer = installer;
        this.readiness = readiness;
        readiness.Require(ReadinessPart);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await installer.InstallAsync(CrdManifests.All(), EstablishTimeout, cancellationToken).ConfigureAwait(false);
        readiness.MarkReady(ReadinessPart);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
