using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Wellbeing.Application.Common.Exceptions;
using Wellbeing.Application.Common.Interfaces;
using Wellbeing.Domain.Auditing;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Invitations;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Members.Imports;
using Wellbeing.Domain.Messaging;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Sharing;
using Wellbeing.Domain.Statistics;
using Wellbeing.Domain.Submissions;
using Wellbeing.Domain.Surveys;
using Wellbeing.Infrastructure.Identity;
using Wellbeing.Infrastructure.Persistence.Converters;
using Wellbeing.Infrastructure.Persistence.ReadModels;
using Wellbeing.Infrastructure.Statistics;

namespace Wellbeing.Infrastructure.Persistence;

/// <summary>
/// The model shared by every database provider. Each provider derives its own context so that it keeps its own
/// migrations; see docs/decisions. It also holds the data-protection key ring, so every web node reads the same keys.
/// </summary>
public abstract class WellbeingDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IUnitOfWork, IDataProtectionKeyContext
{
    /// <summary>Scores, thresholds and means: two decimals is what the instruments report.</summary>
    public const int DecimalPrecision = 9;
    public const int DecimalScale = 2;

    public DbSet<Hub> Hubs => Set<Hub>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Professional> Professionals => Set<Professional>();
    public DbSet<ClientConnection> ClientConnections => Set<ClientConnection>();
    public DbSet<CareSession> CareSessions => Set<CareSession>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<ShareGrant> ShareGrants => Set<ShareGrant>();
    public DbSet<ScoreView> ScoreViews => Set<ScoreView>();
    public DbSet<PeriodBlock> PeriodBlocks => Set<PeriodBlock>();
    public DbSet<AlliancePeriodScore> AlliancePeriodScores => Set<AlliancePeriodScore>();
    public DbSet<ResponderSummary> ResponderSummaries => Set<ResponderSummary>();
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<InstrumentLicence> InstrumentLicences => Set<InstrumentLicence>();
    public DbSet<ImportedInstrument> ImportedInstruments => Set<ImportedInstrument>();

    /// <summary>The clients list's read model, derived in every save (<see cref="SharedScoreReadModel"/>).</summary>
    public DbSet<SharedScore> SharedScores => Set<SharedScore>();
    public DbSet<SharedScoreStamp> SharedScoreStamps => Set<SharedScoreStamp>();

    /// <summary>The version of each hub's clients lists, raised in every save that changes them (<see cref="ClientListVersions"/>).</summary>
    public DbSet<ClientListVersion> ClientListVersions => Set<ClientListVersion>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<MemberImport> MemberImports => Set<MemberImport>();
    public DbSet<MemberImportFile> MemberImportFiles => Set<MemberImportFile>();

    /// <summary>
    /// The key ring behind sign-in cookies, antiforgery tokens and unsubscribe links: in the database, so a redeployed
    /// container or a second node reads the same keys (table DataProtectionKeys; each key's XML is encrypted with a
    /// certificate outside Development, see DataProtectionKeyRing).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Saves, with the responder summaries of any Wellbeing Index submission added folded in, the shared scores of
    /// every member whose grants or submissions change derived again, the clients list versions of the hubs whose
    /// lists change raised, and any audit entries added appended to the log's chain, in the same transaction.
    /// </summary>
    /// <exception cref="InvalidOperationException">An audit entry was changed or removed: the log is append-only.</exception>
    /// <exception cref="DbUpdateConcurrencyException">
    /// A concurrency token of the caller's rows was stale, or other saves changed the same member's shared scores
    /// <see cref="SharedScoreAttempts"/> times in a row while this one derived them.
    /// </exception>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await Statistics.ResponderSummaries.RecordAddedSubmissionsAsync(this, cancellationToken);
        var audited = AuditEntriesToAppend();
        if (audited.Count == 0)
        {
            return await SaveWithSharedScoresAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Reading the last entry and storing the next must not interleave with another writer's, or the chain forks;
        // the lock is the transaction's, so it is held until the entries are committed with the rest.
        if (Database.CurrentTransaction is not null)
        {
            await AppendAsync(audited, cancellationToken);
            return await SaveWithSharedScoresAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await AppendAsync(audited, cancellationToken);
        var saved = await SaveWithSharedScoresAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    /// <summary>How often a save derives the shared scores again when another save of the same member wins the race.</summary>
    private const int SharedScoreAttempts = 3;

    private async Task<int> SaveWithSharedScoresAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        ReadModels.ClientListVersions.AddForNewHubs(this);
        if (Database.CurrentTransaction is not null || !ReadModels.ClientListVersions.MayChange(this))
        {
            return await SaveDerivedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The versions must be raised in the transaction that changes the lists: committed apart, a node could cache
        // the new rows under the old version, or see the old rows under the new one.
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var saved = await SaveDerivedAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    private async Task<int> SaveDerivedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var staged = await SharedScoreReadModel.StageAsync(this, cancellationToken);
            var listed = await ReadModels.ClientListVersions.HubsChangedAsync(this, cancellationToken);
            try
            {
                var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

                // After the rows, not before: the UPDATE locks the hub's version row until the commit, and taken first it
                // would make every list-changing save of the hub wait for the whole of any other one.
                await ReadModels.ClientListVersions.RaiseAsync(this, listed, cancellationToken);
                return saved;
            }
            catch (DbUpdateConcurrencyException conflict) when (staged && attempt < SharedScoreAttempts && conflict.Entries.All(e => e.Entity is SharedScoreStamp))
            {
                // Only the derived rows were stale, and the save was rolled back (to its savepoint inside a caller's
                // transaction): the caller's own changes are still pending, so the next turn derives again from what
                // the other save committed.
            }
        }
    }

    /// <summary>
    /// Keeping the summaries needs a query; everything in the application saves asynchronously. The one synchronous
    /// writer is ASP.NET Core's key repository (its IXmlRepository is synchronous), which saves a new key alone in a
    /// context of its own, so it is let through.
    /// </summary>
    /// <exception cref="NotSupportedException">Anything but data-protection keys is to be saved.</exception>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries().All(entry => entry.Entity is DataProtectionKey)
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new NotSupportedException("Save with SaveChangesAsync, which keeps the responder summaries in step.");

    // Use cases commit through IUnitOfWork; the row count EF returns means nothing to them. A write that a unique key
    // or concurrency check refuses becomes a ConflictException, which the application layer can act on without EF;
    // any other failure (a broken foreign key, a lost connection) stays an error.
    async Task IUnitOfWork.SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || IsUniqueViolation(exception))
        {
            throw new ConflictException("Another request changed the same data first.", exception);
        }
    }

    void IUnitOfWork.ClearTracking() => ChangeTracker.Clear();

    /// <summary>Each engine reports a duplicate key its own way.</summary>
    protected abstract bool IsUniqueViolation(DbUpdateException exception);

    /// <summary>
    /// Makes the current transaction the only one appending to the audit log until it ends. The unique sequence would
    /// refuse a fork anyway, but as a conflict the user sees; waiting a few milliseconds for the other writer is better.
    /// </summary>
    protected abstract Task SerialiseAuditAppendsAsync(CancellationToken cancellationToken);

    private List<AuditEntry> AuditEntriesToAppend()
    {
        var entries = ChangeTracker.Entries<AuditEntry>().ToList();
        if (entries.Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only: its entries are never changed or removed.");
        }

        return [.. entries.Where(e => e.State == EntityState.Added && e.Entity.Sequence == 0).Select(e => e.Entity)];
    }

    private async Task AppendAsync(List<AuditEntry> entries, CancellationToken cancellationToken)
    {
        await SerialiseAuditAppendsAsync(cancellationToken);
        var last = await AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        foreach (var entry in entries)
        {
            entry.Append(last);
            last = entry;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WellbeingDbContext).Assembly);

        // Partner systems' OAuth clients and the tokens issued to them live beside the rest of the data (OpenIddict's tables).
        builder.UseOpenIddict();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(DecimalPrecision, DecimalScale);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}
