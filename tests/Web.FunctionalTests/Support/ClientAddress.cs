using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>
/// TestServer's requests come from no address; this gives them one, as a browser's connection (or a proxy's forwarded
/// header) would, before any of the app's own middleware runs.
/// </summary>
public sealed class ClientAddress(IPAddress address) : IStartupFilter
{
    public static readonly IPAddress Documentation = IPAddress.Parse("198.51.100.7");

    public static void Give(IServiceCollection services, IPAddress address) => services.AddSingleton<IStartupFilter>(new ClientAddress(address));

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
