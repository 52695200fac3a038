using ComplaintPortal.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class StatisticsCountConfiguration : IEntityTypeConfiguration<StatisticsCount>
{
    public void Configure(EntityTypeBuilder<StatisticsCount> builder)
    {
        builder.ToTable("StatisticsCounts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Line).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Key).HasMaxLength(StatisticsCount.KeyMaxLength).IsRequired();
        // The page sums a scope's range of months line by line; compaction groups by the whole cell.
        builder.HasIndex(c => new { c.Scope, c.Month, c.Line, c.Key });
        builder.Ignore(c => c.IsZero);
    }
}

internal sealed class StatisticsCountStateConfiguration : IEntityTypeConfiguration<StatisticsCountState>
{
    public void Configure(EntityTypeBuilder<StatisticsCountState> builder)
    {
        builder.ToTable("StatisticsCountState");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ZoneId).HasMaxLength(100).IsRequired();
    }
}

internal sealed class StatisticsCallerAnswerConfiguration : IEntityTypeConfiguration<StatisticsCallerAnswer>
{
    public void Configure(EntityTypeBuilder<StatisticsCallerAnswer> builder)
    {
        builder.ToTable("StatisticsCallerAnswers");
        builder.HasKey(a => a.ComplaintId);
        builder.Property(a => a.ComplaintId).ValueGeneratedNever();
        builder.HasOne<Cases.Complaint>().WithOne().HasForeignKey<StatisticsCallerAnswer>(a => a.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StatisticsCallerCheckConfiguration : IEntityTypeConfiguration<StatisticsCallerCheck>
{
    public void Configure(EntityTypeBuilder<StatisticsCallerCheck> builder)
    {
        builder.ToTable("StatisticsCallerChecks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.PhoneKey).HasMaxLength(Cases.ContactForms.PhoneKeyLength).IsUnicode(false).IsRequired();
    }
}
