using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Common;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Submissions;
using Wellbeing.Infrastructure.Persistence;

namespace Wellbeing.Testing;

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

    /// <summary>The member's own choice for one topic of e-mail (<see cref="Member.Receives"/>).</summary>
    public static Task<bool> ReceivesEmailsAsync(this WellbeingAppFactory factory, string email, EmailTopic topic) =>
        factory.QueryAsync(async db => (await db.Members.AsNoTracking().SingleAsync(m => m.Email == email)).Receives(topic));

    /// <summary>How many Wellbeing Index submissions the client with this e-mail has saved.</summary>
    public static Task<int> WellbeingCountAsync(this WellbeingAppFactory factory, string email) =>
        factory.QueryAsync(db => db.Submissions
            .CountAsync(s => s.Measure == Measure.Wellbeing && db.Members.Any(m => m.Id == s.MemberId && m.Email == email)));
}

/// <summary>Changes to the demo data that a test makes to set up its case, through the domain's own behaviour.</summary>
public static class DemoChanges
{
    public static async Task ChangeAsync(this WellbeingAppFactory factory, Func<WellbeingDbContext, Task> change)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WellbeingDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    /// <summary>A new client of the professional in the professional's first hub, connected now, with the name exactly as given (any Unicode form).</summary>
    public static async Task<Guid> EnrolClientOfAsync(this WellbeingAppFactory factory, string professionalEmail, string name)
    {
        var id = Guid.Empty;
        await factory.ChangeAsync(async db =>
        {
            var professional = await db.Professionals.SingleAsync(p => p.Email == professionalEmail);
            var hubId = professional.Hubs.First().HubId;
            var member = new Member(hubId, name, $"named-{Guid.NewGuid():N}@scenario.test", DateTimeOffset.UtcNow);
            db.Members.Add(member);
            db.ClientConnections.Add(new ClientConnection(hubId, member.Id, professional.Id, DateTimeOffset.UtcNow));
            id = member.Id;
        });
        return id;
    }

    public static Task<Guid> MemberIdAsync(this WellbeingAppFactory factory, string email) =>
        factory.QueryAsync(db => db.Members.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());

    public static Task<Guid> ProfessionalIdAsync(this WellbeingAppFactory factory, string email) =>
        factory.QueryAsync(db => db.Professionals.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());

    /// <summary>A Wellbeing Index the client filled in now with every statement answered the same.</summary>
    public static Task AddWellbeingAsync(this WellbeingAppFactory factory, string email, int everyAnswer) =>
        factory.ChangeAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Email == email);
            var survey = factory.Services.GetRequiredService<ISurveyCatalogue>().Current(Measure.Wellbeing);
            db.Submissions.Add(Submission.ForWellbeing(member.HubId, member.Id, survey, survey.Items.ToDictionary(i => i.Id, _ => (int?)everyAnswer), DateTimeOffset.UtcNow));
        });

    /// <summary>An alliance rating about the professional for the pair's latest session, every statement answered the same.</summary>
    public static Task AddAllianceAsync(this WellbeingAppFactory factory, string email, string professionalEmail, int everyAnswer) =>
        factory.ChangeAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Email == email);
            var professional = await db.Professionals.SingleAsync(p => p.Email == professionalEmail);
            var session = await db.CareSessions.Where(s => s.MemberId == member.Id && s.ProfessionalId == professional.Id).OrderByDescending(s => s.SequenceNumber).FirstAsync();
            var survey = factory.Services.GetRequiredService<ISurveyCatalogue>().Current(Measure.Alliance);
            db.Submissions.Add(Submission.ForAlliance(member.HubId, member.Id, survey, survey.Items.ToDictionary(i => i.Id, _ => (int?)everyAnswer), DateTimeOffset.UtcNow, professional.Id, session.Id));
        });

    public static Task RevokeAsync(this WellbeingAppFactory factory, string email, string professionalEmail, Measure measure) =>
        factory.ChangeAsync(async db =>
        {
            var member = await db.Members.SingleAsync(m => m.Email == email);
            var professional = await db.Professionals.SingleAsync(p => p.Email == professionalEmail);
            var grant = await db.ShareGrants.AsTracking().SingleAsync(g => g.MemberId == member.Id && g.ProfessionalId == professional.Id && g.Measure == measure && g.RevokedAt == null);
            grant.Revoke(DateTimeOffset.UtcNow);
        });

    public static Task ChangeHubSettingsAsync(this WellbeingAppFactory factory, string slug, Func<HubSettings, HubSettings> change) =>
        factory.ChangeAsync(async db =>
        {
            var hub = await db.Hubs.AsTracking().SingleAsync(h => h.Slug == slug);
            hub.ChangeSettings(change(hub.Settings));
        });
}
