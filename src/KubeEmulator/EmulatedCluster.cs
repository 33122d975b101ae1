using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using k8s;
using KubeEmulator.Controllers;
using KubeEmulator.Hosting;
using KubeEmulator.Http;
using KubeEmulator.Introspection;
using KubeEmulator.Security;
using KubeEmulator.Security.Rbac;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeEmulator;

/// <summary>
/// An in-memory Kubernetes API server on a loopback socket. Start one per test with
/// <c>await using var cluster = await EmulatedCluster.StartAsync();</c> and talk to it through <see cref="Client"/>,
/// kubectl with <see cref="KubeconfigPath"/>, or plain HTTP at <see cref="Url"/>. With <see cref="EmulatorOptions.Tls"/>
/// it serves HTTPS and the kubeconfig (and <see cref="Client"/>) authenticate with the admin client certificate.
/// </summary>
public sealed class EmulatedCluster : IAsyncDisposable
{
    private static readonly string[] InitialNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    private readonly WebApplication app;
    private readonly ClusterState state;
    private readonly string kubeconfigDirectory;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<IDisposable> clients = [];
    private Task controllers = Task.CompletedTask;

    private EmulatedCluster(WebApplication app, ClusterState state, RequestLog requests, FaultInjector faults, string url, string kubeconfigDirectory)
    {
        this.app = app;
        this.state = state;
        Requests = requests;
        Faults = faults;
        this.kubeconfigDirectory = kubeconfigDirectory;
        Url = url;
        KubeconfigPath = Path.Combine(kubeconfigDirectory, "kubeconfig");
        Client = CreateClient();
    }

    public string Url { get; }

    /// <summary>A kubeconfig file for this cluster (deleted on dispose).</summary>
    public string KubeconfigPath { get; }

    public IKubernetes Client { get; }

    public EmulatorOptions Options => state.Options;

    /// <summary>Request counts by verb and resource (the simulated controllers' traffic left out).</summary>
    public RequestLog Requests { get; }

    /// <summary>Rules that make matching requests fail, wait or drop their connection.</summary>
    public FaultInjector Faults { get; }

    /// <summary>The current global resourceVersion.</summary>
    public long ResourceVersion => state.Store.Revision;

    public static async Task<EmulatedCluster> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var state = new ClusterState(options, options.Clock);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(EmulatedCluster).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => ServeTls(listen, state.Certificates));
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        var app = builder.Build();
        var requests = new RequestLog();
        var faults = new FaultInjector();
        app.Run(new ApiHandler(state, requests, faults).HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var url = new Uri(address).GetLeftPart(UriPartial.Authority).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        var directory = Directory.CreateTempSubdirectory("kube-emulator-").FullName;
        var cluster = new EmulatedCluster(app, state, requests, faults, url, directory);
        await KubeconfigFile.WriteAsync(cluster.KubeconfigPath, cluster.Kubeconfig(cluster.AdminCredentials()), cancellationToken);
        cluster.SeedNamespaces();
        BootstrapPolicy.Seed(state);
        cluster.StartControllers();
        return cluster;
    }

    /// <summary>Ends every open watch (clients see the stream close and must re-watch).</summary>
    public void EndAllWatches() => state.EndAllWatches();

    /// <summary>The CA an https client must trust; null over plain HTTP.</summary>
    public X509Certificate2? CertificateAuthority => state.Certificates?.Authority;

    /// <summary>A new admin client for this cluster (disposed with it); userAgent sets its User-Agent header.</summary>
    public IKubernetes CreateClient(string? userAgent = null)
    {
        var client = ClientFor(AdminCredentials());
        if (userAgent is not null)
        {
            client.HttpClient.DefaultRequestHeaders.UserAgent.Clear();
            client.HttpClient.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }

        return client;
    }

    /// <summary>
    /// A new client (disposed with the cluster) that presents this bearer token (a ServiceAccount token, say), or no
    /// credentials at all when null; over --tls it trusts the cluster's CA.
    /// </summary>
    public IKubernetes CreateClientAs(string? bearerToken) => ClientFor(new KubeconfigCredentials(bearerToken));

    /// <summary>
    /// Writes a kubeconfig for this cluster that presents this bearer token, or no credentials when null (over --tls:
    /// system:anonymous), into the cluster's folder (deleted on dispose); returns its path.
    /// </summary>
    public string WriteKubeconfig(string fileName, string? bearerToken)
    {
        var path = Path.Combine(kubeconfigDirectory, fileName);
        File.WriteAllText(path, Kubeconfig(new KubeconfigCredentials(bearerToken)));
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        state.EndAllWatches();
        try
        {
            await controllers;
        }
        catch (OperationCanceledException)
        {
            // Expected: the controllers stop when the cluster does.
        }

        using (var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await app.StopAsync(shutdown.Token);
        }

        await app.DisposeAsync();
        lock (clients)
        {
            clients.ForEach(c => c.Dispose());
        }

        stopping.Dispose();
        state.Tokens.Dispose();
        state.Certificates?.Dispose();
        Directory.Delete(kubeconfigDirectory, recursive: true);
    }

    private static void ServeTls(ListenOptions listen, ClusterCertificates? certificates)
    {
        if (certificates is null)
        {
            return;
        }

        listen.UseHttps(https =>
        {
            https.ServerCertificate = certificates.Serving;
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;

            // Any certificate is let through the handshake; the authenticator checks it against the CA and answers
            // 401 for one it did not sign, as the real server does.
            https.AllowAnyClientCertificate();
        });
    }

    private KubeconfigCredentials AdminCredentials() => state.Certificates is { } certificates
        ? new KubeconfigCredentials(Options.BearerToken, certificates.Admin.ExportCertificatePem(), ClusterCertificates.PrivateKeyPem(certificates.Admin))
        : new KubeconfigCredentials(Options.BearerToken);

    private string Kubeconfig(KubeconfigCredentials credentials) =>
        KubeconfigFile.Render(Url, state.Certificates?.AuthorityPem, credentials);

    private Kubernetes ClientFor(KubeconfigCredentials credentials)
    {
        using var kubeconfig = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Kubeconfig(credentials)));
        var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
        lock (clients)
        {
            clients.Add(client);
        }

        return client;
    }

    private void SeedNamespaces()
    {
        var namespaces = state.Registry.Namespaces;
        foreach (var name in InitialNamespaces)
        {
            var ns = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Namespace",
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["uid"] = Guid.NewGuid().ToString(),
                    ["creationTimestamp"] = Json.KubeJson.Timestamp(state.Now),
                    ["labels"] = new JsonObject { ["kubernetes.io/metadata.name"] = name },
                },
                ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
                ["status"] = new JsonObject { ["phase"] = "Active" },
            };
            state.Store.Put(namespaces.StoreKey, ns, null);
        }
    }

    private void StartControllers()
    {
        if (!Options.Controllers.Enabled)
        {
            return;
        }

        var client = CreateClient(ControllerOptions.UserAgent);
        controllers = Task.Run(() => SimulatedControllers.RunAsync(client, Options.Controllers, stopping.Token));
    }
}
