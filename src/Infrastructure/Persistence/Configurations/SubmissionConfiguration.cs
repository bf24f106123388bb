using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wellbeing.Domain.Hubs;
using Wellbeing.Domain.Members;
using Wellbeing.Domain.Professionals;
using Wellbeing.Domain.Sessions;
using Wellbeing.Domain.Submissions;

namespace Wellbeing.Infrastructure.Persistence.Configurations;

/// <remarks>
/// Answers and subscale results go to child tables rather than JSON columns. The three engines store and query JSON
/// differently (TEXT with json_* functions, nvarchar or the new json type, jsonb), so a JSON column would give one
/// mapping but three behaviours to test, and decimals inside JSON would bypass the SQLite REAL conversion that
/// keeps means computable in SQL. Plain rows behave the same everywhere, keep item-level statistics a GROUP BY away,
/// and a submission holds only a dozen answers, so the join stays cheap.
/// </remarks>
internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SurveyKey).HasMaxLength(Lengths.ShortCode).IsRequired();
        builder.Property(s => s.Measure).HasConversion<int>();

        builder.HasOne<Hub>().WithMany().HasForeignKey(s => s.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Professional>().WithMany().HasForeignKey(s => s.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CareSession>().WithMany().HasForeignKey(s => s.CareSessionId).OnDelete(DeleteBehavior.Restrict);

        // HR publication over a hub and a reporting period: its grouping by person needs the member and the score of
        // every row of the period, which the index holds, so it never touches the table.
        builder.HasIndex(s => new { s.HubId, s.Measure, s.SubmittedAt, s.MemberId, s.Score });

        builder.HasIndex(s => new { s.MemberId, s.Measure, s.SubmittedAt });
        builder.HasIndex(s => new { s.ProfessionalId, s.Measure });

        // One alliance answer per session, even when two posts race past the invitation check together.
        builder.HasIndex(s => s.CareSessionId).IsUnique().HasFilter(Lengths.NotNull(nameof(Submission.CareSessionId)));

        builder.OwnsMany(s => s.Answers, answer =>
        {
            answer.ToTable("SubmissionAnswers");
            answer.WithOwner().HasForeignKey("SubmissionId");
            answer.HasKey("SubmissionId", nameof(SubmittedAnswer.ItemId));
            answer.Property(a => a.ItemId).HasMaxLength(Lengths.ExternalKey);
        });
        builder.Navigation(s => s.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(s => s.Subscales, subscale =>
        {
            subscale.ToTable("SubmissionSubscales");
            subscale.WithOwner().HasForeignKey("SubmissionId");
            subscale.HasKey("SubmissionId", nameof(SubscaleResult.Key));
            subscale.Property(r => r.Key).HasMaxLength(Lengths.ExternalKey);
        });
        builder.Navigation(s => s.Subscales).HasField("_subscales").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
