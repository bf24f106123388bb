using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.AcceptanceTests.Runner;
using Wellbeing.Domain.Common;
using Wellbeing.Infrastructure.Persistence;
using Wellbeing.Testing;

namespace Wellbeing.AcceptanceTests.Steps;

/// <summary>A client's choices about who sees which of their scores.</summary>
public sealed class SharingSteps(WellbeingAppFactory app)
{
    [When("""^"([^"]*)" stops sharing their (Wellbeing Index|Professional Alliance) with "([^"]*)"$""")]
    public async Task StopsSharing(string clientEmail, string measure, string professionalEmail)
    {
        // Switch to the client's sharing page once it lands: until then the revocation goes through the domain directly.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        var which = measure == "Wellbeing Index" ? Measure.Wellbeing : Measure.Alliance;
        var member = await db.Members.SingleAsync(m => m.Email == clientEmail);
        var professional = await db.Professionals.SingleAsync(p => p.Email == professionalEmail);
        var grant = await db.ShareGrants.AsTracking()
            .SingleAsync(g => g.MemberId == member.Id && g.ProfessionalId == professional.Id && g.Measure == which && g.RevokedAt == null);
        grant.Revoke(DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }
}
