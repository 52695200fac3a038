using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class InstanceSignalConfiguration : IEntityTypeConfiguration<InstanceSignal>
{
    public void Configure(EntityTypeBuilder<InstanceSignal> builder)
    {
        builder.ToTable("InstanceSignals");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Topic).HasMaxLength(InstanceSignal.TopicMaxLength).IsRequired();
        builder.Property(s => s.Data).HasMaxLength(InstanceSignal.DataMaxLength).IsRequired();
        builder.Property(s => s.Origin).HasMaxLength(200).IsRequired();
        // The day's pruning reads the oldest.
        builder.HasIndex(s => s.At);
    }
}
