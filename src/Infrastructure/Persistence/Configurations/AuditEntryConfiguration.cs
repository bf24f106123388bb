using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Auditing;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    /// <summary>The longest IPv6 text form (RFC 4291 section 2.2, with an embedded IPv4 address) is 45 characters.</summary>
    private const int RemoteAddress = 45;

    /// <summary>SHA-256 in hex.</summary>
    private const int Hash = 64;

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();

        // One log, one chain: two writers that both read entry n as the last cannot both store entry n + 1.
        builder.HasIndex(e => e.Sequence).IsUnique();

        // No foreign keys: the log outlives the accounts and things it names (a deleted account's entries stay).
        builder.Property(e => e.UserId).HasMaxLength(Lengths.UserId);
        builder.Property(e => e.Role).HasMaxLength(Lengths.ShortCode);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(Lengths.ShortCode);
        builder.Property(e => e.ObjectId).HasMaxLength(Lengths.ExternalKey);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(Lengths.ShortCode);
        builder.Property(e => e.RemoteAddress).HasMaxLength(RemoteAddress);
        builder.Property(e => e.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
        builder.Property(e => e.PreviousHash).HasMaxLength(Hash).IsFixedLength();

        // The administrator's filters, each read newest first.
        builder.HasIndex(e => new { e.HubId, e.Sequence });
        builder.HasIndex(e => new { e.UserId, e.Sequence });
        builder.HasIndex(e => new { e.Action, e.Sequence });
        builder.HasIndex(e => e.At);
    }
}
