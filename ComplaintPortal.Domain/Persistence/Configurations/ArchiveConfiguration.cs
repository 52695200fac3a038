using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class ArchivedFileConfiguration : IEntityTypeConfiguration<ArchivedFile>
{
    public void Configure(EntityTypeBuilder<ArchivedFile> builder)
    {
        builder.ToTable("ArchivedFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.ArchiveNumber).HasMaxLength(ArchivedFile.NumberMaxLength).IsRequired();
        builder.HasIndex(f => f.ArchiveNumber).IsUnique();
        builder.HasIndex(f => f.ComplaintId).IsUnique();
        builder.Property(f => f.CaseNumber).HasMaxLength(CaseNumber.MaxLength).IsRequired();
        builder.Property(f => f.Importance).HasConversion<string>().HasMaxLength(12);
        builder.Property(f => f.State).HasConversion<string>().HasMaxLength(12);
        builder.HasIndex(f => new { f.State, f.RetainUntil });
        // The browser's order by retention date over every file (the index above serves one state at a time).
        builder.HasIndex(f => f.RetainUntil);
        builder.HasIndex(f => new { f.DepartmentId, f.Year });
        builder.HasIndex(f => new { f.CategoryId, f.Year });
        builder.HasOne<Complaint>().WithMany().HasForeignKey(f => f.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Category>().WithMany().HasForeignKey(f => f.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(f => f.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(f => f.Versions).WithOne().HasForeignKey(v => v.ArchivedFileId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(f => f.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ArchiveFileVersionConfiguration : IEntityTypeConfiguration<ArchiveFileVersion>
{
    public void Configure(EntityTypeBuilder<ArchiveFileVersion> builder)
    {
        builder.ToTable("ArchiveFileVersions");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.ArchivedFileId, v.Version }).IsUnique();
        builder.Property(v => v.LedgerHeadHash).HasMaxLength(ArchiveFileVersion.HashLength);
        builder.Property(v => v.LedgerFinding).HasMaxLength(200);
        builder.Property(v => v.ContentSha256).HasMaxLength(ArchiveFileVersion.HashLength).IsRequired();
        builder.Property(v => v.Content);
        builder.Property(v => v.EvidenceSeals).IsRequired();
    }
}

internal sealed class ArchiveNumberCounterConfiguration : IEntityTypeConfiguration<ArchiveNumberCounter>
{
    public void Configure(EntityTypeBuilder<ArchiveNumberCounter> builder)
    {
        builder.ToTable("ArchiveNumberCounters");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
        builder.Property(c => c.LastSequence).IsConcurrencyToken();
    }
}

internal sealed class ArchiveAccessRequestConfiguration : IEntityTypeConfiguration<ArchiveAccessRequest>
{
    public void Configure(EntityTypeBuilder<ArchiveAccessRequest> builder)
    {
        builder.ToTable("ArchiveAccessRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.RequesterUserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.RequesterName).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired();
        builder.Property(r => r.Purpose).HasMaxLength(ArchiveAccessRequest.PurposeMaxLength).IsRequired();
        builder.Property(r => r.RequestedNumbers).HasMaxLength(ArchiveAccessRequest.NumbersMaxLength);
        builder.Property(r => r.GrantedNumbers).HasMaxLength(ArchiveAccessRequest.NumbersMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.DeciderUserId).HasMaxLength(450);
        builder.Property(r => r.DeciderName).HasMaxLength(Complaint.ShortTextMaxLength);
        builder.Property(r => r.DecisionReason).HasMaxLength(ArchiveAccessRequest.ReasonMaxLength);
        builder.Property(r => r.EndedByName).HasMaxLength(Complaint.ShortTextMaxLength);
        builder.Property(r => r.EndedByUserId).HasMaxLength(450);
        builder.Property(r => r.EndReason).HasMaxLength(ArchiveAccessRequest.ReasonMaxLength);
        builder.HasIndex(r => new { r.RequesterUserId, r.Status });
        builder.HasIndex(r => r.Status);
        builder.Ignore(r => r.RequestedScope);
        builder.Ignore(r => r.GrantedScope);
    }
}

internal sealed class ArchiveAccessLogConfiguration : IEntityTypeConfiguration<ArchiveAccessLogEntry>
{
    public void Configure(EntityTypeBuilder<ArchiveAccessLogEntry> builder)
    {
        builder.ToTable("ArchiveAccessLog");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.UserName).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired();
        builder.Property(e => e.DepartmentName).HasMaxLength(Complaint.ShortTextMaxLength);
        builder.Property(e => e.ArchiveNumber).HasMaxLength(ArchivedFile.NumberMaxLength).IsRequired();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Detail).HasMaxLength(200);
        builder.Property(e => e.Address).HasMaxLength(ArchiveAccessLogEntry.AddressMaxLength);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.ArchiveNumber);
        builder.HasIndex(e => e.UserId);
    }
}

internal sealed class RetentionRuleConfiguration : IEntityTypeConfiguration<RetentionRule>
{
    public void Configure(EntityTypeBuilder<RetentionRule> builder)
    {
        builder.ToTable("RetentionRules");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.CategoryId).IsUnique();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Category>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RetentionRuleChangeConfiguration : IEntityTypeConfiguration<RetentionRuleChange>
{
    public void Configure(EntityTypeBuilder<RetentionRuleChange> builder)
    {
        builder.ToTable("RetentionRuleChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ActorUserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.ActorName).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired();
    }
}

internal sealed class ArchiveDisposalConfiguration : IEntityTypeConfiguration<ArchiveDisposal>
{
    public void Configure(EntityTypeBuilder<ArchiveDisposal> builder)
    {
        builder.ToTable("ArchiveDisposals");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.ArchiveNumber).HasMaxLength(ArchivedFile.NumberMaxLength).IsRequired();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(d => d.DeciderUserId).HasMaxLength(450);
        builder.Property(d => d.DeciderName).HasMaxLength(Complaint.ShortTextMaxLength);
        builder.Property(d => d.Reason).HasMaxLength(ArchiveAccessRequest.ReasonMaxLength);
        builder.Property(d => d.RemovedSha256).HasMaxLength(ArchiveFileVersion.HashLength);
        builder.HasIndex(d => new { d.ArchivedFileId, d.Status });
        // The list a leader approves and the approved ones the disposal job carries out, in order, without reading the disposed.
        builder.HasIndex(d => new { d.Status, d.Id });
        builder.HasOne<ArchivedFile>().WithMany().HasForeignKey(d => d.ArchivedFileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArchiveInspectionConfiguration : IEntityTypeConfiguration<ArchiveInspection>
{
    public void Configure(EntityTypeBuilder<ArchiveInspection> builder)
    {
        builder.ToTable("ArchiveInspections");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.ByName).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired();
        builder.Property(i => i.Findings).IsRequired();
        builder.Ignore(i => i.FindingList);
    }
}
