using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class ClientConnectionConfiguration : IEntityTypeConfiguration<ClientConnection>
{
    public void Configure(EntityTypeBuilder<ClientConnection> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();

        builder.HasOne<Hub>().WithMany().HasForeignKey(c => c.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Professional>().WithMany().HasForeignKey(c => c.ProfessionalId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(c => new { c.HubId, c.MemberId, c.ProfessionalId }).IsUnique();

        // A professional's caseload spans hubs.
        builder.HasIndex(c => c.ProfessionalId);
    }
}
