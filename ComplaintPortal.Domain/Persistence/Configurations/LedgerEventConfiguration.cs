using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class LedgerEventConfiguration : IEntityTypeConfiguration<LedgerEvent>
{
    public void Configure(EntityTypeBuilder<LedgerEvent> builder)
    {
        builder.ToTable(LedgerTriggers.Table);
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.ComplaintId, e.Sequence }).IsUnique();
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => e.Position).IsUnique();
        builder.Property(e => e.ActorUserId).HasMaxLength(450).IsRequired().IsSingleLine();
        builder.Property(e => e.ActorName).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired().IsSingleLine();
        builder.Property(e => e.Action).HasMaxLength(LedgerEvent.ActionMaxLength).IsRequired().IsSingleLine();
        builder.Property(e => e.FromStage).HasMaxLength(LedgerEvent.StageMaxLength).IsSingleLine();
        builder.Property(e => e.ToStage).HasMaxLength(LedgerEvent.StageMaxLength).IsSingleLine();
        builder.Property(e => e.Note).HasMaxLength(LedgerEvent.NoteMaxLength);
        builder.Property(e => e.PreviousHash).HasMaxLength(LedgerEvent.HashLength).IsFixedLength().IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(LedgerEvent.HashLength).IsFixedLength().IsRequired();
        builder.HasOne<Complaint>().WithMany().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation.Department>().WithMany().HasForeignKey(e => e.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
