using GitOpsOperator.Hosting;
using GitOpsOperator.Manifests;
using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitOpsOperator.Controllers.GitSyncs;

/// <summary>Registers the GitSync controller; needs the GitRepository controller's services (source cache, informer, notifier).</summary>
public static class GitSyncServices
{
    public static IServiceCollection AddGitSyncController(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(OperatorOptions.Section).Get<GitSyncControllerOptions>() ?? new GitSyncControllerOptions();
        services.AddSingleton(options);
        services.AddSingleton(provider => new GitSyncInformer(
            provider.GetRequiredService<IKubernetes>(),
            provider.GetRequiredService<IOptions<OperatorOptions>>().Value.Namespace,
            provider.GetRequiredService<ILogger<GitSyncInformer>>()));
        services.TryAddSingleton<EventRecorder>();
        services.AddSingleton(new ManifestRenderer());
        services.AddSingleton<SourceArtifacts>();
        services.AddSingleton<GitSyncStates>();
        services.AddSingleton<GitSyncRenderer>();
        services.AddSingleton<SyncStatusWriter>();
        services.AddSingleton<SyncEvents>();
        services.AddSingleton<GitSyncFinalizer>();
        services.AddSingleton<IController, GitSyncController>();
        return services;
    }
}
