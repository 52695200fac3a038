using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class SampleDrawConfiguration : IEntityTypeConfiguration<SampleDraw>
{
    public void Configure(EntityTypeBuilder<SampleDraw> builder)
    {
        builder.ToTable("SampleDraws");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.PeriodKind).HasConversion<string>().HasMaxLength(10);
        // One active draw per period; a discarded draw leaves the key empty (unique indexes ignore nulls).
        builder.Property(d => d.ActivePeriod).HasMaxLength(SampleDraw.ActivePeriodMaxLength);
        builder.HasIndex(d => d.ActivePeriod).IsUnique();
        builder.HasIndex(d => new { d.PeriodKind, d.PeriodYear, d.PeriodNumber });
        builder.Property(d => d.SizeMode).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.DrawnByUserId).HasMaxLength(450).IsRequired();
        builder.Property(d => d.DrawnByName).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired();
        builder.Property(d => d.DiscardedByName).HasMaxLength(Complaint.ShortTextMaxLength);
        builder.Property(d => d.DiscardReason).HasMaxLength(SampleDraw.ReasonMaxLength);
        builder.HasOne<ChecklistVersion>().WithMany().HasForeignKey(d => d.ChecklistVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Cases).WithOne(c => c.Draw).HasForeignKey(c => c.SampleDrawId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(d => d.Cases).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(d => d.Period);
        builder.Ignore(d => d.Plan);
    }
}

internal sealed class SampledCaseConfiguration : IEntityTypeConfiguration<SampledCase>
{
    public void Configure(EntityTypeBuilder<SampledCase> builder)
    {
        builder.ToTable("SampledCases");
        builder.HasKey(s => s.Id);
        // No case twice in one sample, whatever the code above does.
        builder.HasIndex(s => new { s.SampleDrawId, s.ComplaintId }).IsUnique();
        builder.HasIndex(s => new { s.CheckerUserId, s.CheckStatus });
        builder.HasIndex(s => s.ComplaintId);
        builder.Property(s => s.Risk).HasConversion<int>();
        builder.Property(s => s.CheckStatus).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.CheckerUserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.CheckerName).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired();
        builder.Property(s => s.CheckedByName).HasMaxLength(Complaint.ShortTextMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Complaint>().WithMany().HasForeignKey(s => s.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(s => s.StratumDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Category>().WithMany().HasForeignKey(s => s.StratumCategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Results).WithOne().HasForeignKey(r => r.SampledCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.Results).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CheckResultConfiguration : IEntityTypeConfiguration<CheckResult>
{
    public void Configure(EntityTypeBuilder<CheckResult> builder)
    {
        builder.ToTable("CheckResults");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.SampledCaseId, r.ChecklistItemId }).IsUnique();
        builder.Property(r => r.ItemCode).HasMaxLength(ChecklistItem.CodeMaxLength).IsRequired();
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Remark).HasMaxLength(CheckResult.RemarkMaxLength);
        builder.HasOne<ChecklistItem>().WithMany().HasForeignKey(r => r.ChecklistItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(r => r.ResponsibleDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.IsFinding);
    }
}
