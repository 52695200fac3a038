using ComplaintPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("Departments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Code).HasMaxLength(Department.CodeMaxLength).IsRequired().IsSingleLine();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.NameZhHans).HasMaxLength(Department.NameMaxLength).IsRequired().IsSingleLine();
        builder.Property(d => d.NameZhHant).HasMaxLength(Department.NameMaxLength).IsRequired().IsSingleLine();
        builder.Property(d => d.NameEn).HasMaxLength(Department.NameMaxLength).IsRequired().IsSingleLine();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Department>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.HeadUserId).HasMaxLength(450).IsSingleLine();
        builder.Property(d => d.CalendarCode).HasMaxLength(Sla.WorkingCalendarRecord.CodeMaxLength).IsSingleLine();
        builder.Ignore(d => d.ReceivesWork);
    }
}
