using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.Hosting;
using Wellbeing.Infrastructure.Persistence.Providers;
using Wellbeing.Testing;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>
/// Web nodes as an operator deploys them ("Staging": HTTPS-only cookies, configured hosts and certificates) on one
/// database, and a browser whose requests a load balancer may send to any of them.
/// </summary>
public sealed class DeployedNodes(DeploymentCertificates certificates)
{
    private readonly Dictionary<string, string?> _settings = certificates.Settings();

    /// <summary>
    /// A node on the database, or on an SQLite file of its own that goes away with it when none is given; only the first
    /// node of a database seeds the demo, as later ones find it filled.
    /// </summary>
    public WellbeingAppFactory Node(DatabaseProvider provider, string? connectionString, bool seedsDemo)
    {
        var node = connectionString is null
            ? new WellbeingAppFactory { Environment = Environments.Staging, DatabaseProvider = provider, DemoDataEnabled = seedsDemo }
            : new WellbeingAppFactory { Environment = Environments.Staging, DatabaseProvider = provider, ConnectionString = connectionString, DemoDataEnabled = seedsDemo };
        foreach (var (key, value) in _settings)
        {
            node.Settings[key] = value;
        }

        return node;
    }

    /// <summary>One browser's view of each node: the same cookie jar, over https, redirects not followed.</summary>
    public static IReadOnlyList<BrowserlessClient> OneBrowser(params WellbeingAppFactory[] nodes)
    {
        var jar = new CookieContainer();
        return [.. nodes.Select(node => new BrowserlessClient(node.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(jar))))];
    }
}
