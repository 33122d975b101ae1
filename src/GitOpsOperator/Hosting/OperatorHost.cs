using GitOpsOperator.Controllers.GitRepositories;
using GitOpsOperator.Controllers.GitSyncs;
using GitOpsOperator.Controllers.ImageRepositories;
using GitOpsOperator.Crds;
using GitOpsOperator.Hosting.Leadership;
using GitOpsOperator.Metrics;
using GitOpsOperator.Sync.Api;
using GitOpsOperator.Webhooks;
using k8s;
using k8s.Exceptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using YamlDotNet.Core;

namespace GitOpsOperator.Hosting;

/// <summary>The operator process: parses the command line, builds the host and runs it until stopped.</summary>
public static partial class OperatorHost
{
    /// <summary>Exit codes: 0 done (or help shown), 1 failed at start-up or while running, 2 bad command line or settings.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var commandLine = CommandLine.Parse(args);
        if (commandLine.Help)
        {
            await output.WriteLineAsync(CommandLine.Usage).ConfigureAwait(false);
            return 0;
        }

        if (commandLine.Error is not null)
        {
            await errors.WriteLineAsync($"error: {commandLine.Error}\nRun with --help for usage.").ConfigureAwait(false);
            return 2;
        }

        var builder = CreateBuilder(commandLine.Settings);
        var options = builder.Configuration.GetSection(OperatorOptions.Section).Get<OperatorOptions>() ?? new OperatorOptions();
        var problems = OptionsValidation.Problems(options);
        if (problems.Count > 0)
        {
            await errors.WriteLineAsync(string.Join('\n', problems.Select(p => $"error: {p}"))).ConfigureAwait(false);
            return 2;
        }

        KubernetesConnection connection;
        try
        {
            connection = KubernetesConnection.Resolve(options.Kubeconfig);
        }
        catch (Exception error) when (error is KubeConfigException or YamlException or IOException)
        {
            await errors.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            return 1;
        }

        using var host = Build(builder, options, connection);
        return await RunHostAsync(host, options, connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The operator's host for these settings, not yet started.</summary>
    public static IHost Build(IReadOnlyDictionary<string, string?> settings, OperatorOptions options, KubernetesConnection connection) =>
        Build(CreateBuilder(settings), options, connection);

    private static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    private static IHost Build(HostApplicationBuilder builder, OperatorOptions options, KubernetesConnection connection)
    {
        var services = builder.Services;
        services.AddOperatorLogging(options);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(connection);
        services.AddSingleton<OperatorMetrics>();
        services.AddSingleton<KubernetesClients>();
        services.AddSingleton(provider => provider.GetRequiredService<KubernetesClients>().Create());
        services.AddSingleton<IKubernetes>(provider => provider.GetRequiredService<Kubernetes>());
        services.AddSingleton(provider => new KubeApi(provider.GetRequiredService<Kubernetes>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Readiness>();
        services.AddSingleton<IEndpointMapper, HealthEndpoints>();
        services.AddSingleton<IEndpointMapper, MetricsEndpoint>();
        services.AddWebhookReceiver();
        services.AddSingleton<HttpEndpointsService>();
        services.AddHostedService(provider => provider.GetRequiredService<HttpEndpointsService>());
        if (options.InstallCrds)
        {
            services.AddSingleton<CrdInstaller>();
            services.AddHostedService<CrdInstallService>();
        }
        else
        {
            services.AddHostedService<CrdCheckService>();
        }

        services.AddGitRepositoryController(builder.Configuration);
        services.AddGitSyncController(builder.Configuration);
        services.AddImageControllers();
        services.AddControllerRunner(options);

        return builder.Build();
    }

    private static async Task<int> RunHostAsync(IHost host, OperatorOptions options, KubernetesConnection connection, CancellationToken cancellationToken)
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OperatorHost).FullName!);
        LogStarting(logger, connection.Source, options.Namespace ?? "all namespaces");
        try
        {
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (CrdInstallException error)
        {
            LogCannotStart(logger, error.Message);
            return 1;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFailed(logger, error);
            return 1;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GitOps operator starting: cluster from {Source}, watching {Scope}")]
    private static partial void LogStarting(ILogger logger, string source, string scope);

    [LoggerMessage(Level = LogLevel.Critical, Message = "GitOps operator cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "GitOps operator stopped on an error")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
