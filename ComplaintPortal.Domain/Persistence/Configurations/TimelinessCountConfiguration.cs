using ComplaintPortal.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class TimelinessCountConfiguration : IEntityTypeConfiguration<TimelinessCount>
{
    public void Configure(EntityTypeBuilder<TimelinessCount> builder)
    {
        builder.ToTable("TimelinessCounts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        // The page sums a range of months.
        builder.HasIndex(c => new { c.Month, c.DepartmentId, c.Kind });
        builder.Ignore(c => c.IsZero);
    }
}

internal sealed class TimelinessWatchConfiguration : IEntityTypeConfiguration<TimelinessWatch>
{
    public void Configure(EntityTypeBuilder<TimelinessWatch> builder)
    {
        builder.ToTable("TimelinessWatches");
        builder.HasKey(w => new { w.ComplaintId, w.DepartmentId });
        builder.HasOne(w => w.Complaint).WithMany().HasForeignKey(w => w.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        // Complaints of a range of months turned late by a given instant, from the index alone.
        builder.HasIndex(w => new { w.Month, w.DepartmentId, w.LateFrom });
    }
}

internal sealed class TimelinessCountStateConfiguration : IEntityTypeConfiguration<TimelinessCountState>
{
    public void Configure(EntityTypeBuilder<TimelinessCountState> builder)
    {
        builder.ToTable("TimelinessCountState");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ZoneId).HasMaxLength(100).IsRequired();
    }
}
