using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members.Imports;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class MemberImportConfiguration : IEntityTypeConfiguration<MemberImport>
{
    public void Configure(EntityTypeBuilder<MemberImport> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.FileName).HasMaxLength(MemberImport.MaxFileNameLength);
        builder.Property(i => i.UploadedBy).HasMaxLength(Lengths.UserId);
        builder.Property(i => i.ConfirmedBy).HasMaxLength(Lengths.UserId);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(Lengths.ShortCode);
        builder.Property(i => i.Refusal).HasMaxLength(1000);

        // The error report has no length cap: one line per rejected row, up to 100,000.
        builder.Property(i => i.ErrorReport).IsRequired();

        builder.HasOne<Hub>().WithMany().HasForeignKey(i => i.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.HubId, i.UploadedAt });
    }
}

internal sealed class MemberImportFileConfiguration : IEntityTypeConfiguration<MemberImportFile>
{
    public void Configure(EntityTypeBuilder<MemberImportFile> builder)
    {
        builder.HasKey(f => f.ImportId);
        builder.Property(f => f.ImportId).ValueGeneratedNever();
        builder.Property(f => f.Content).IsRequired();

        // A table of its own, so listing imports and polling progress never read the file.
        builder.HasOne<MemberImport>().WithOne().HasForeignKey<MemberImportFile>(f => f.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}
