using GitOpsOperator.Hosting;
using GitOpsOperator.Source;
using k8s;
using GitOpsOperator.Sync.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitOpsOperator.Controllers.GitRepositories;

/// <summary>
/// Registers the GitRepository controller, the shared source cache and the artifact notifier. The controller, its
/// informer and reconciler are scoped: each leadership term resolves them afresh from a new scope.
/// </summary>
public static class GitRepositoryServices
{
    public static IServiceCollection AddGitRepositoryController(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(OperatorOptions.Section).Get<GitRepositoryControllerOptions>() ?? new GitRepositoryControllerOptions();
        services.AddSingleton(options);
        services.AddSingleton(provider => new GitSourceCache(options.CacheDirectory, provider.GetRequiredService<ILogger<GitSourceCache>>()));
        services.AddSingleton<ArtifactChangedNotifier>();
        services.AddScoped(provider => new GitRepositoryInformer(
            provider.GetRequiredService<KubeApi>(),
            provider.GetRequiredService<IOptions<OperatorOptions>>().Value.Namespace,
            provider.GetRequiredService<Readiness>(),
            provider.GetRequiredService<ILogger<GitRepositoryInformer>>()));
        services.AddSingleton<SecretReader>();
        services.AddSingleton<SourceRequestBuilder>();
        services.AddSingleton<EventRecorder>();
        services.AddScoped<GitRepositoryReconciler>();
        services.AddScoped<IController, GitRepositoryController>();
        return services;
    }
}
