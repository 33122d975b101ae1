using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace GitOpsOperator.Hosting;

/// <summary>Serilog behind Microsoft.Extensions.Logging: readable console lines locally, compact JSON in a cluster.</summary>
public static class Logging
{
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static IServiceCollection AddOperatorLogging(this IServiceCollection services, OperatorOptions options)
    {
        var level = Enum.Parse<LogEventLevel>(options.LogLevel, ignoreCase: true);
        return services.AddSerilog(
            configuration =>
            {
                configuration
                    .MinimumLevel.Is(level)
                    .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                    .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                    // The host logs a start-up failure with its stack trace; OperatorHost reports it once, in words.
                    .MinimumLevel.Override("Microsoft.Extensions.Hosting", LogEventLevel.Fatal)
                    .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
                    .Enrich.FromLogContext();
                if (options.LogFormat == LogFormats.Json)
                {
                    configuration.WriteTo.Console(new RenderedCompactJsonFormatter());
                }
                else
                {
                    configuration.WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture);
                }
            },
            preserveStaticLogger: true);
    }
}
