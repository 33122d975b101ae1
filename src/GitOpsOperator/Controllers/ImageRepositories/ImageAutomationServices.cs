using GitOpsOperator.Controllers.GitRepositories;
using GitOpsOperator.Controllers.ImagePolicies;
using GitOpsOperator.Controllers.ImageUpdateAutomations;
using GitOpsOperator.Hosting;
using GitOpsOperator.Images;
using GitOpsOperator.Images.Registry;
using GitOpsOperator.Metrics;
using GitOpsOperator.Source.Push;
using GitOpsOperator.Sync.Api;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitOpsOperator.Controllers.ImageRepositories;

/// <summary>
/// Registers the ImageRepository, ImagePolicy and ImageUpdateAutomation controllers and what they share for the process's life: one HTTP
/// connection pool to registries, the token cache, the shared scanner and the scanned tags. Controllers, informers and
/// reconcilers are scoped, resolved afresh for each leadership term.
/// </summary>
public static class ImageAutomationServices
{
    public static IServiceCollection AddImageControllers(this IServiceCollection services)
    {
        services.AddSingleton(new ScanOptions());
        services.AddSingleton(provider => new RegistryHttp(
            new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TagLister>();
        services.AddSingleton<DigestResolver>();
        services.AddSingleton(provider =>
        {
            var metrics = provider.GetRequiredService<OperatorMetrics>();
            return new ImageScanner(
                provider.GetRequiredService<TagLister>(), provider.GetRequiredService<ScanOptions>(), provider.GetRequiredService<TimeProvider>(),
                scan => metrics.ImageScanned(scan.Failure?.Reason.ToString()));
        });
        services.AddSingleton<ScannedTags>();
        services.TryAddSingleton<SecretReader>();
        services.TryAddSingleton<EventRecorder>();
        services.AddSingleton<ScanTargetBuilder>();
        services.AddScoped(provider => new ImageRepositoryInformer(
            provider.GetRequiredService<KubeApi>(),
            provider.GetRequiredService<IOptions<OperatorOptions>>().Value.Namespace,
            provider.GetRequiredService<Readiness>(),
            provider.GetRequiredService<ILogger<ImageRepositoryInformer>>()));
        services.AddScoped(provider => new ImagePolicyInformer(
            provider.GetRequiredService<KubeApi>(),
            provider.GetRequiredService<IOptions<OperatorOptions>>().Value.Namespace,
            provider.GetRequiredService<Readiness>(),
            provider.GetRequiredService<ILogger<ImagePolicyInformer>>()));
        services.AddScoped<ImageRepositoryReconciler>();
        services.AddScoped<ImagePolicyReconciler>();
        services.AddScoped<IController, ImageRepositoryController>();
        services.AddScoped<IController, ImagePolicyController>();
        services.AddSingleton<PolicySelections>();
        services.AddSingleton<PushTargetBuilder>();
        // Push work trees live beside the bare-repository cache, never inside it (its polls would move their branches).
        services.AddSingleton(provider => new GitPusher(
            Path.Combine(Path.GetDirectoryName(Path.GetFullPath(provider.GetRequiredService<GitRepositoryControllerOptions>().CacheDirectory))!, "git-push"),
            provider.GetRequiredService<ILogger<GitPusher>>()));
        services.AddScoped(provider => new ImageUpdateAutomationInformer(
            provider.GetRequiredService<KubeApi>(),
            provider.GetRequiredService<IOptions<OperatorOptions>>().Value.Namespace,
            provider.GetRequiredService<Readiness>(),
            provider.GetRequiredService<ILogger<ImageUpdateAutomationInformer>>()));
        services.AddScoped<ImageUpdateAutomationReconciler>();
        services.AddScoped<IController, ImageUpdateAutomationController>();
        return services;
    }
}
