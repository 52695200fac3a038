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

        builder.Property(t => t.SolutionTypeCode).HasMaxLength(CatalogueEntry.CodeMaxLength).IsSingleLine();
        builder.Property(t => t.CauseCategoryCode).HasMaxLength(CatalogueEntry.CodeMaxLength).IsSingleLine();
        builder.Property(t => t.SolutionResponsible).HasMaxLength(Complaint.ShortTextMaxLength).IsSingleLine();
        builder.HasOne(t => t.Department).WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.DepartmentId, t.Status });
        // The board's audience rule (a case on which the viewer's department has a task), answered from the index alone;
        // unique: dispatch gives a case one task per department, and a department's board counts its tasks as its cases.
        builder.HasIndex(t => new { t.ComplaintId, t.DepartmentId }).IsUnique();
        // A department's board (1,000,000 cases stored: bench/README.md): its open cases in deadline order (group, due,
        // case) and its totals per deadline state, as ranges of this index alone; the case's row is read only for the
        // page's rows.
        builder.Property(t => t.CaseOpen).HasConversion<int>();
        builder.Property(t => t.BoardGroup).HasConversion<int>();
        builder.HasIndex(t => new { t.DepartmentId, t.CaseOpen, t.BoardGroup, t.BoardDueAt, t.ComplaintId, t.BoardDueSoonAt });
    }
}
