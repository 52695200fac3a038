using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

/// <summary>The shape ASP.NET Core's data-protection store expects: an identity key, a name and the key's XML.</summary>
internal sealed class KeyRingEntryConfiguration : IEntityTypeConfiguration<KeyRingEntry>
{
    public void Configure(EntityTypeBuilder<KeyRingEntry> builder)
    {
        builder.ToTable(KeyRingEntry.Table);
        builder.HasKey(k => k.Id);
        builder.Property(k => k.FriendlyName);
        builder.Property(k => k.Xml);
    }
}
