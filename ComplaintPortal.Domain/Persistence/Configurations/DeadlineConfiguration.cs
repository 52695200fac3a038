using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class CaseDeadlineConfiguration : IEntityTypeConfiguration<CaseDeadline>
{
    public void Configure(EntityTypeBuilder<CaseDeadline> builder)
    {
        builder.ToTable("CaseDeadlines");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.CalendarCode).HasMaxLength(WorkingCalendarRecord.CodeMaxLength).IsRequired();
        builder.Property(d => d.PausedWorkingTime).HasConversion<long>();
        builder.Property(d => d.TargetUnit).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.TargetCounting).HasConversion<string>().HasMaxLength(20);
        // Re-computing a calendar's provisional deadlines when its holidays arrive.
        builder.HasIndex(d => new { d.CalendarCode, d.IsProvisional });
        builder.HasOne(d => d.Complaint).WithMany().HasForeignKey(d => d.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Task).WithMany().HasForeignKey(d => d.DepartmentTaskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SlaPolicy>().WithMany().HasForeignKey(d => d.PolicyId).OnDelete(DeleteBehavior.Restrict);
        // The deadline monitor's scan, answered from the index alone up to the few deadlines it records: the case
        // and due instant follow the key (most unmet deadlines belong to cases closed or withdrawn long ago).
        builder.HasIndex(d => new { d.MetAt, d.DueSoonAt, d.ComplaintId, d.DueAt });
        builder.HasIndex(d => new { d.ComplaintId, d.Kind });
        // The timeliness report: deadlines falling due in a period (those met in it come from the index above).
        builder.HasIndex(d => d.DueAt);
        // The board's next deadline of each open case (earliest unmet due and its due-soon instant), from the index alone.
        builder.HasIndex(d => new { d.ComplaintId, d.MetAt, d.DueAt, d.DueSoonAt });
        builder.Ignore(d => d.IsMet);
        builder.Ignore(d => d.MetOnTime);
        builder.Ignore(d => d.Target);
    }
}

internal sealed class DeadlineTransitionConfiguration : IEntityTypeConfiguration<DeadlineTransition>
{
    public void Configure(EntityTypeBuilder<DeadlineTransition> builder)
    {
        builder.ToTable("DeadlineTransitions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Level).HasConversion<string>().HasMaxLength(10);
        // Exactly once per deadline instant and level, whichever run or instance gets there first.
        builder.HasIndex(t => new { t.CaseDeadlineId, t.Level, t.DueAt }).IsUnique();
        builder.HasIndex(t => t.ComplaintId);
        builder.HasOne<CaseDeadline>().WithMany().HasForeignKey(t => t.CaseDeadlineId).OnDelete(DeleteBehavior.Restrict);
    }
}
