using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Auditing;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Auditing;
using Wellbeing.Testing;
using Wellbeing.Web.FunctionalTests.Support;

namespace Wellbeing.Web.FunctionalTests.Audit;

/// <summary>One app with the demo hub whose requests come from <see cref="ClientAddress.Documentation"/>.</summary>
public sealed class AuditedApp : IDisposable
{
    public WellbeingAppFactory Factory { get; } = New();

    public static WellbeingAppFactory New() => new() { TestServices = services => ClientAddress.Give(services, ClientAddress.Documentation) };

    public void Dispose() => Factory.Dispose();
}

public static class AuditEntries
{
    /// <summary>The entries of one action, in log order.</summary>
    public static Task<List<AuditEntry>> OfAsync(this WellbeingAppFactory factory, AuditAction action) =>
        factory.QueryAsync(db => db.AuditEntries.Where(e => e.Action == action).OrderBy(e => e.Sequence).ToListAsync());

    /// <summary>An entry recorded outside any request, as a background job would: no account, no address, the system's role.</summary>
    public static async Task RecordAsync(this WellbeingAppFactory factory, AuditAction action, Guid? hubId, string objectId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IAuditLog>().Record(action, hubId, objectId);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
    }

    public static Task<string> AccountIdAsync(this WellbeingAppFactory factory, string email) =>
        factory.QueryAsync(db => db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync());
}
