using GitOpsOperator.Controllers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GitOpsOperator.Hosting.Leadership;

/// <summary>Registers the controller runner with the leadership the options ask for.</summary>
public static class LeadershipServices
{
    /// <summary>
    /// Long enough for in-flight reconciles to finish within the work queue's grace period (10 s) and for the
    /// leader to hand its Lease back; shorter than Kubernetes' default termination grace period (30 s).
    /// </summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    public static IServiceCollection AddControllerRunner(this IServiceCollection services, OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddScoped<LeadershipTerm>();
        if (options.LeaderElection)
        {
            services.AddSingleton(LeaseSettings.From(options, Environment.GetEnvironmentVariable));
            services.AddSingleton<ILeadership, LeaseLeadership>();
        }
        else
        {
            services.AddSingleton<ILeadership, SingleReplica>();
        }

        services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        services.AddHostedService<ControllerRunner>();
        return services;
    }
}
