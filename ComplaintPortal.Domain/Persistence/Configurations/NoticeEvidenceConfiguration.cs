using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class NoticeEvidenceConfiguration : IEntityTypeConfiguration<NoticeEvidence>
{
    public void Configure(EntityTypeBuilder<NoticeEvidence> builder)
    {
        builder.ToTable("NoticeEvidence");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.FileName).HasMaxLength(Evidence.FileNameMaxLength).IsRequired().IsSingleLine();
        builder.Property(e => e.ContentType).HasMaxLength(100).IsRequired().IsSingleLine();
        builder.Property(e => e.StoredName).HasMaxLength(32).IsRequired().IsSingleLine();
        builder.Property(e => e.Sha256).HasMaxLength(64).IsRequired().IsSingleLine();
        builder.Property(e => e.UploadedByUserId).HasMaxLength(450).IsRequired().IsSingleLine();
        builder.Property(e => e.UploadedByName).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired().IsSingleLine();
        builder.HasOne<RectificationNotice>().WithMany().HasForeignKey(e => e.RectificationNoticeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.RectificationNoticeId);
    }
}
