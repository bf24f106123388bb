using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Messaging;
using Wellbeing.Application.Professionals.Common;

namespace Wellbeing.Application;

public static class DependencyInjection
{
    /// <summary>Registers every use case handler of this assembly (classes named *Handler) as scoped services.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var handlers = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Handler", StringComparison.Ordinal));
        foreach (var handler in handlers)
        {
            services.AddScoped(handler);
        }

        services.AddScoped<ConnectedClients>();
        services.AddScoped<WellbeingIndexLicences>();
        return services;
    }
}
