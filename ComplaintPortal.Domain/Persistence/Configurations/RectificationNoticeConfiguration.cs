using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class RectificationNoticeConfiguration : IEntityTypeConfiguration<RectificationNotice>
{
    public void Configure(EntityTypeBuilder<RectificationNotice> builder)
    {
        builder.ToTable("RectificationNotices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(n => n.IssuedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.IssuedByName).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired();
        builder.Property(n => n.AnsweredByName).HasMaxLength(Complaint.ShortTextMaxLength);
        builder.Property(n => n.ClosedByName).HasMaxLength(Complaint.ShortTextMaxLength);
        builder.Property(n => n.CalendarCode).HasMaxLength(WorkingCalendarRecord.CodeMaxLength).IsRequired();
        builder.Property(n => n.Cause).HasMaxLength(RectificationNotice.TextMaxLength);
        builder.Property(n => n.Fix).HasMaxLength(RectificationNotice.TextMaxLength);
        builder.Property(n => n.ReturnReason).HasMaxLength(RectificationNotice.TextMaxLength);
        builder.Property(n => n.Version).IsConcurrencyToken();
        // A department's notices by state (notices to answer, the board); the monitor's scan of open notices by deadline.
        builder.HasIndex(n => new { n.DepartmentId, n.Status });
        builder.HasIndex(n => new { n.Status, n.DueAt });
        builder.HasOne(n => n.SampledCase).WithMany().HasForeignKey(n => n.SampledCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Complaint>().WithMany().HasForeignKey(n => n.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(n => n.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Findings).WithOne().HasForeignKey(r => r.RectificationNoticeId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(n => n.Findings).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FiguresPublicationConfiguration : IEntityTypeConfiguration<FiguresPublication>
{
    public void Configure(EntityTypeBuilder<FiguresPublication> builder)
    {
        builder.ToTable(SupervisionTriggers.PublicationTable);
        builder.HasKey(p => p.Id);
        builder.Property(p => p.PeriodKind).HasConversion<string>().HasMaxLength(10);
        // One publication per period: published figures are frozen.
        builder.Property(p => p.PeriodKey).HasMaxLength(SampleDraw.ActivePeriodMaxLength).IsRequired();
        builder.HasIndex(p => p.PeriodKey).IsUnique();
        builder.Property(p => p.PublishedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(p => p.PublishedByName).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired();
        builder.Property(p => p.Snapshot).IsRequired();
        builder.Property(p => p.SnapshotHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Ignore(p => p.Period);
        builder.Ignore(p => p.IsIntact);
    }
}

internal sealed class SupervisionLogConfiguration : IEntityTypeConfiguration<SupervisionLogEntry>
{
    public void Configure(EntityTypeBuilder<SupervisionLogEntry> builder)
    {
        builder.ToTable(SupervisionTriggers.LogTable);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired();
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Details).HasMaxLength(SupervisionLogEntry.DetailsMaxLength);
        builder.HasIndex(e => new { e.Action, e.SubjectId });
        builder.HasIndex(e => e.At);
    }
}
