using ComplaintPortal.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class DepartmentTaskConfiguration : IEntityTypeConfiguration<DepartmentTask>
{
    public void Configure(EntityTypeBuilder<DepartmentTask> builder)
    {
        builder.ToTable("DepartmentTasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.OwnerUserId).HasMaxLength(450).IsSingleLine();
        builder.Property(t => t.OwnerName).HasMaxLength(Complaint.ShortTextMaxLength).IsSingleLine();
        foreach (var text in new[] { nameof(DepartmentTask.Findings), nameof(DepartmentTask.RootCause), nameof(DepartmentTask.SolutionMeasures),
            nameof(DepartmentTask.Negotiation), nameof(DepartmentTask.Implementation), nameof(DepartmentTask.Feedback), nameof(DepartmentTask.ReturnReason) })
        {
            builder.Property(text).HasMaxLength(Complaint.TextMaxLength);
        }

        builder.Property(t => t.SolutionTypeCode).HasMaxLength(SolutionType.CodeMaxLength).IsSingleLine();
        builder.Property(t => t.SolutionResponsible).HasMaxLength(Complaint.ShortTextMaxLength).IsSingleLine();
        builder.HasOne(t => t.Department).WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.DepartmentId, t.Status });
        // The board's audience rule (a case on which the viewer's department has a task), answered from the index alone.
        builder.HasIndex(t => new { t.ComplaintId, t.DepartmentId });
        // A department's open cases (its board, 1,000,000 cases stored: bench/README.md), from the index alone.
        builder.Property(t => t.CaseOpen).HasConversion<int>();
        builder.HasIndex(t => new { t.DepartmentId, t.CaseOpen, t.ComplaintId });
    }
}
