using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class WorkingCalendarRecordConfiguration : IEntityTypeConfiguration<WorkingCalendarRecord>
{
    public void Configure(EntityTypeBuilder<WorkingCalendarRecord> builder)
    {
        builder.ToTable("WorkingCalendars");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Code).HasMaxLength(WorkingCalendarRecord.CodeMaxLength).IsRequired().IsSingleLine();
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(WorkingCalendarRecord.NameMaxLength).IsRequired().IsSingleLine();
        builder.Property(c => c.DefinitionJson).IsRequired();
        builder.Property(c => c.Stamp).IsConcurrencyToken();
        builder.Property(c => c.ChangedBy).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired().IsSingleLine();
        builder.Ignore(c => c.Definition);
    }
}

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> builder)
    {
        builder.ToTable("SlaPolicies");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Priority).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.CalendarCode).HasMaxLength(WorkingCalendarRecord.CodeMaxLength).IsRequired();
        foreach (var unit in new[] { nameof(SlaPolicy.FirstResponseUnit), nameof(SlaPolicy.SolutionPlanUnit), nameof(SlaPolicy.CompletionUnit) })
        {
            builder.Property(unit).HasConversion<string>().HasMaxLength(10);
        }

        foreach (var counting in new[] { nameof(SlaPolicy.FirstResponseCounting), nameof(SlaPolicy.SolutionPlanCounting), nameof(SlaPolicy.CompletionCounting) })
        {
            builder.Property(counting).HasConversion<string>().HasMaxLength(20);
        }

        builder.Ignore(p => p.IsRetired);
        builder.Ignore(p => p.FirstResponse);
        builder.Ignore(p => p.SolutionPlan);
        builder.Ignore(p => p.Completion);
        builder.HasIndex(p => new { p.Priority, p.CategoryId }).IsUnique();
        builder.HasOne<Category>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkingCalendarRecord>().WithMany().HasForeignKey(p => p.CalendarCode).HasPrincipalKey(c => c.Code)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SlaPolicyChangeConfiguration : IEntityTypeConfiguration<SlaPolicyChange>
{
    public void Configure(EntityTypeBuilder<SlaPolicyChange> builder)
    {
        builder.ToTable("SlaPolicyChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ChangedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.ChangedByName).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired().IsSingleLine();
        builder.Property(c => c.Before).HasMaxLength(SlaPolicyChange.SummaryMaxLength);
        builder.Property(c => c.After).HasMaxLength(SlaPolicyChange.SummaryMaxLength).IsRequired();
        builder.HasIndex(c => new { c.PolicyId, c.ChangedAt });
        builder.HasOne<SlaPolicy>().WithMany().HasForeignKey(c => c.PolicyId).OnDelete(DeleteBehavior.Restrict);
    }
}
