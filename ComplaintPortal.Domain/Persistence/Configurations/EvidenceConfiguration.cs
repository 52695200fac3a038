using ComplaintPortal.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.ToTable("Evidence");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.FileName).HasMaxLength(Evidence.FileNameMaxLength).IsRequired().IsSingleLine();
        builder.Property(e => e.ContentType).HasMaxLength(100).IsRequired().IsSingleLine();
        builder.Property(e => e.StoredName).HasMaxLength(32).IsRequired().IsSingleLine();
        builder.Property(e => e.Sha256).HasMaxLength(64).IsRequired().IsSingleLine();
        builder.Property(e => e.UploadedByUserId).HasMaxLength(450).IsRequired().IsSingleLine();
    }
}
