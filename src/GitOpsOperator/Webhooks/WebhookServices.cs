using GitOpsOperator.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsOperator.Webhooks;

/// <summary>Registers the push webhook receiver on the operator's HTTP port (every replica serves it, leader or not).</summary>
public static class WebhookServices
{
    public static IServiceCollection AddWebhookReceiver(this IServiceCollection services)
    {
        services.AddSingleton<WebhookReceiver>();
        services.AddSingleton<IEndpointMapper, WebhookEndpoint>();
        services.AddSingleton<ImageRepositoryWebhookReceiver>();
        services.AddSingleton<IEndpointMapper, ImageRepositoryWebhookEndpoint>();
        return services;
    }
}
