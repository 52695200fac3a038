using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> builder)
    {
        builder.ToTable("SavedSearches");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.Name).HasMaxLength(SavedSearch.NameLength).IsRequired();
        builder.Property(s => s.Query).HasMaxLength(SavedSearch.QueryLength).IsRequired();
        // One name once per person; their list is read along it.
        builder.HasIndex(s => new { s.UserId, s.Name }).IsUnique();
        // A person removed takes their kept searches with them.
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
