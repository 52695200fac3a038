using ComplaintPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(PortalUser.DisplayNameMaxLength).IsRequired().IsSingleLine();
        builder.Property(u => u.UserName).IsSingleLine();
        builder.Property(u => u.Email).IsSingleLine();
        builder.Property(u => u.Language).HasMaxLength(PortalUser.LanguageMaxLength).IsUnicode(false).IsSingleLine();
        builder.HasOne(u => u.Department)
            .WithMany()
            .HasForeignKey(u => u.DepartmentId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
