using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Domain.Aggregates;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Sharing;
using Wellbeing.Domain.Submissions;
using Wellbeing.Infrastructure.Identity;

namespace Wellbeing.Infrastructure.Persistence;

/// <summary>
/// The model shared by every database provider. Each provider derives its own context so that it keeps its own
/// migrations; see docs/decisions.
/// </summary>
public abstract class WellbeingDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Hub> Hubs => Set<Hub>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Professional> Professionals => Set<Professional>();
    public DbSet<ClientConnection> ClientConnections => Set<ClientConnection>();
    public DbSet<CareSession> CareSessions => Set<CareSession>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<ShareGrant> ShareGrants => Set<ShareGrant>();
    public DbSet<ScoreView> ScoreViews => Set<ScoreView>();
    public DbSet<Snapshot> Snapshots => Set<Snapshot>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WellbeingDbContext).Assembly);
    }
}
