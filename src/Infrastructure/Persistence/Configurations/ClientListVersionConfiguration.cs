using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Hubs;
using Wellbeing.Infrastructure.Persistence.ReadModels;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

internal sealed class ClientListVersionConfiguration : IEntityTypeConfiguration<ClientListVersion>
{
    public void Configure(EntityTypeBuilder<ClientListVersion> builder)
    {
        builder.HasKey(v => v.HubId);
        builder.Property(v => v.HubId).ValueGeneratedNever();
        builder.HasOne<Hub>().WithOne().HasForeignKey<ClientListVersion>(v => v.HubId).OnDelete(DeleteBehavior.Cascade);
    }
}
