using GitOpsOperator.Hosting;
using GitOpsOperator.Manifests;
using k8s;
using GitOpsOperator.Sync.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>
/// Registers the GitSync controller; needs the GitRepository controller's services (source cache, informer, notifier).
/// The controller and what it remembers between reconciles are scoped: each leadership term starts afresh.
/// </summary>
public static class GitSyncServices
{
    public static IServiceCollection AddGitSyncController(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(OperatorOptions.Section).Get<GitSyncControllerOptions>() ?? new GitSyncControllerOptions();
        services.AddSingleton(options);
        services.AddScoped(provider => new GitSyncInformer(
            provider.GetRequiredService<KubeApi>(),
            provider.GetRequiredService<IOptions<OperatorOptions>>().Value.Namespace,
            provider.GetRequiredService<Readiness>(),
            provider.GetRequiredService<ILogger<GitSyncInformer>>()));
        services.TryAddSingleton<EventRecorder>();
        services.AddSingleton(provider => new ManifestRenderer(new ManifestOptions
        {
            HelmBinary = provider.GetRequiredService<IOptions<OperatorOptions>>().Value.HelmBinary,
        }));
        services.AddSingleton(provider => new ChartValuesReader(provider.GetRequiredService<IKubernetes>()));
        services.AddSingleton<ChartReleases>();
        services.AddScoped<SourceArtifacts>();
        services.AddScoped<GitSyncStates>();
        services.AddScoped<RevisionFanOut>();
        services.AddSingleton<GitSyncRenderer>();
        services.AddSingleton<SyncStatusWriter>();
        services.AddSingleton<SyncEvents>();
        services.AddSingleton<GitSyncFinalizer>();
        services.AddScoped<IController, GitSyncController>();
        return services;
    }
}
