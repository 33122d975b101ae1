using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitOpsOperator.Hosting;

/// <summary>A minimal Kestrel server on the operator's one HTTP port, serving every <see cref="IEndpointMapper"/>.</summary>
public sealed partial class HttpEndpointsService(
    IOptions<OperatorOptions> options,
    IEnumerable<IEndpointMapper> mappers,
    ILogger<HttpEndpointsService> logger) : IHostedService, IDisposable
{
    private WebApplication? app;

    /// <summary>The address the server listens on once started (with the real port when 0 was asked for).</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Parse(options.Value.HttpAddress), options.Value.HttpPort));
        app = builder.Build();
        foreach (var mapper in mappers)
        {
            mapper.Map(app);
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Address = new Uri(bound);
        LogListening(Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            app = null;
        }
    }

    /// <summary>Releases the server when the host stops without stopping this service (a failed start-up).</summary>
    public void Dispose() => (app as IDisposable)?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP endpoints listening on {Address}")]
    private partial void LogListening(Uri address);
}
