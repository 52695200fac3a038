using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class ImprovementActionConfiguration : IEntityTypeConfiguration<ImprovementAction>
{
    public void Configure(EntityTypeBuilder<ImprovementAction> builder)
    {
        builder.ToTable("ImprovementActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Title).HasMaxLength(ImprovementAction.TitleMaxLength).IsRequired().IsSingleLine();
        builder.Property(a => a.Source).HasMaxLength(ImprovementAction.SourceMaxLength).IsRequired().IsSingleLine();
        builder.Property(a => a.StatisticsAddress).HasMaxLength(ImprovementAction.SourceMaxLength).IsSingleLine();
        builder.Property(a => a.Plan).HasMaxLength(ImprovementAction.TextMaxLength).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.RaisedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.RaisedByName).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired().IsSingleLine();
        builder.Property(a => a.DoneNote).HasMaxLength(ImprovementAction.TextMaxLength);
        builder.Property(a => a.DoneByName).HasMaxLength(Complaint.ShortTextMaxLength).IsSingleLine();
        builder.Property(a => a.ReturnReason).HasMaxLength(ImprovementAction.TextMaxLength);
        builder.Property(a => a.VerifiedByName).HasMaxLength(Complaint.ShortTextMaxLength).IsSingleLine();
        builder.Property(a => a.Version).IsConcurrencyToken();
        // A department's actions by state, and everyone's by state and date (the list's filter and order).
        builder.HasIndex(a => new { a.DepartmentId, a.Status });
        builder.HasIndex(a => new { a.Status, a.DueDate });
        builder.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        // The actions raised from a case's callback suggestion, beside it on the statistics page.
        builder.HasIndex(a => a.SourceComplaintId);
        builder.HasOne<Complaint>().WithMany().HasForeignKey(a => a.SourceComplaintId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ImprovementLogEntryConfiguration : IEntityTypeConfiguration<ImprovementLogEntry>
{
    public void Configure(EntityTypeBuilder<ImprovementLogEntry> builder)
    {
        builder.ToTable("ImprovementLog");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.What).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ByName).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired().IsSingleLine();
        builder.Property(e => e.Note).HasMaxLength(ImprovementAction.TextMaxLength);
        // An action's history in order (the foreign key's index).
        builder.HasOne(e => e.Action).WithMany().HasForeignKey(e => e.ActionId).OnDelete(DeleteBehavior.Restrict);
    }
}
