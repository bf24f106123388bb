using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Testing;

namespace Wellbeing.Web.FunctionalTests.Support;

/// <summary>Reads the seeded database directly, so tests state expectations from the data rather than from memory.</summary>
public static class DemoData
{
    public static async Task<T> QueryAsync<T>(this WellbeingAppFactory factory, Func<WellbeingDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<WellbeingDbContext>());
    }

    public static Task<Guid> HubIdAsync(this WellbeingAppFactory factory, string slug) =>
        factory.QueryAsync(db => db.Hubs.Where(h => h.Slug == slug).Select(h => h.Id).SingleAsync());
}
