using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Web;

/// <summary>What every way of starting the app (the web node and its commands) checks before it touches a database.</summary>
public static class ProductionStart
{
    /// <summary>
    /// Outside Development the database must be named explicitly (<see cref="DatabaseSettings.RequireExplicit"/>);
    /// Development keeps the embedded SQLite default, and the test host always names its database.
    /// </summary>
    /// <exception cref="InvalidOperationException">Outside Development, the provider or the connection string is missing.</exception>
    public static void RequireExplicitDatabase(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            DatabaseSettings.RequireExplicit(configuration);
        }
    }
}
