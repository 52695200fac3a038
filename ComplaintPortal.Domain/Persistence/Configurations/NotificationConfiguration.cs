using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.RecipientRole).HasMaxLength(64).IsRequired();
        builder.Property(n => n.RecipientUserId).HasMaxLength(450);
        // A person's notices newest first, with their case: the unread count checks each one's case from the index alone (a
        // clerk with 40,000 named notices at 1,000,000 cases: 136-186 ms reading the notices' rows, 78-96 ms).
        builder.HasIndex(n => new { n.RecipientUserId, n.CreatedAt, n.ComplaintId });
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength).IsRequired();
        builder.HasIndex(n => new { n.RecipientRole, n.CreatedAt });
        // A case's notices (the foreign key's index), with whom they address: a role's unread count goes case by case through the
        // open cases (NoticeBook) and finds each one's notices for the role from this index alone (a department head at
        // 1,000,000 cases: 120-132 ms reading the notices' rows, 52-60 ms from the index).
        builder.HasIndex(n => new { n.ComplaintId, n.RecipientRole, n.RecipientDepartmentId });
        builder.HasOne<Complaint>().WithMany().HasForeignKey(n => n.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ArchiveAccessRequest>().WithMany().HasForeignKey(n => n.ArchiveRequestId).OnDelete(DeleteBehavior.Restrict);
        // The few notices about archive requests only. Over every notice (almost all without a request) SQLite's statistics
        // made the index look useless, and a leader's count of requests to decide read the role's whole history instead
        // (65–125 ms at 100,000 cases).
        builder.HasIndex(n => n.ArchiveRequestId).HasFilter("ArchiveRequestId IS NOT NULL");
        builder.HasOne<ImprovementAction>().WithMany().HasForeignKey(n => n.ImprovementActionId).OnDelete(DeleteBehavior.Restrict);
        // The few notices about improvement actions only, for the same reason.
        builder.HasIndex(n => n.ImprovementActionId).HasFilter("ImprovementActionId IS NOT NULL");
        builder.HasOne<SampleDraw>().WithMany().HasForeignKey(n => n.SampleDrawId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => n.SampleDrawId).HasFilter("SampleDrawId IS NOT NULL");
        // About a case, an archive request, an improvement action or a sample draw: exactly one. Unquoted names read the same on
        // SQLite and SQL Server.
        builder.ToTable(t => t.HasCheckConstraint("CK_Notifications_Subject",
            "(ComplaintId IS NOT NULL AND ArchiveRequestId IS NULL AND ImprovementActionId IS NULL AND SampleDrawId IS NULL)"
            + " OR (ComplaintId IS NULL AND ArchiveRequestId IS NOT NULL AND ImprovementActionId IS NULL AND SampleDrawId IS NULL)"
            + " OR (ComplaintId IS NULL AND ArchiveRequestId IS NULL AND ImprovementActionId IS NOT NULL AND SampleDrawId IS NULL)"
            + " OR (ComplaintId IS NULL AND ArchiveRequestId IS NULL AND ImprovementActionId IS NULL AND SampleDrawId IS NOT NULL)"));
    }
}

internal sealed class NotificationReadConfiguration : IEntityTypeConfiguration<NotificationRead>
{
    public void Configure(EntityTypeBuilder<NotificationRead> builder)
    {
        builder.ToTable("NotificationReads");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(r => new { r.NotificationId, r.UserId }).IsUnique();
        builder.HasIndex(r => r.UserId);
        builder.HasOne<Notification>().WithMany().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Recipient).HasMaxLength(OutboxMessage.RecipientMaxLength).IsRequired().IsSingleLine();
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength).IsRequired();
        builder.Property(m => m.Body).HasMaxLength(Complaint.TextMaxLength).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.HasIndex(m => m.SentAt);
        builder.HasOne<Complaint>().WithMany().HasForeignKey(m => m.ComplaintId).OnDelete(DeleteBehavior.Restrict);
    }
}
