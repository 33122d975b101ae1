using GitOpsOperator.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GitOpsOperator.Sandbox;

/// <summary>The operator, in this process, against the sandbox cluster; its HTTP endpoints on 127.0.0.1:8080 when free.</summary>
public sealed class SandboxOperator : IAsyncDisposable
{
    public const int PreferredPort = 8080;

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly IHost host;

    private SandboxOperator(IHost host, Uri address)
    {
        this.host = host;
        Address = address;
    }

    /// <summary>Where /healthz, /readyz, /metrics and the webhooks are served.</summary>
    public Uri Address { get; }

    /// <summary>Cancelled when the operator stops on its own (a fatal error).</summary>
    public CancellationToken Stopping => host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

    public static async Task<SandboxOperator> StartAsync(SandboxLayout layout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        try
        {
            return await StartOnAsync(layout, PreferredPort, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return await StartOnAsync(layout, 0, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(StopTimeout))
        {
            await host.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        host.Dispose();
    }

    private static async Task<SandboxOperator> StartOnAsync(SandboxLayout layout, int port, CancellationToken cancellationToken)
    {
        var options = new OperatorOptions { Kubeconfig = layout.Kubeconfig, HttpAddress = "127.0.0.1", HttpPort = port };
        var settings = new Dictionary<string, string?> { [$"{OperatorOptions.Section}:GitCacheDirectory"] = layout.GitCache };
        var host = OperatorHost.Build(settings, options, KubernetesConnection.Resolve(layout.Kubeconfig));
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        var address = host.Services.GetRequiredService<HttpEndpointsService>().Address
            ?? throw new SandboxException("the operator's HTTP endpoints did not start");
        return new SandboxOperator(host, address);
    }
}
