using ComplaintPortal.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("Categories");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Code).HasMaxLength(Category.CodeMaxLength).IsRequired().IsSingleLine();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.NameZhHans).HasMaxLength(Category.NameMaxLength).IsRequired().IsSingleLine();
        builder.Property(c => c.NameZhHant).HasMaxLength(Category.NameMaxLength).IsRequired().IsSingleLine();
        builder.Property(c => c.NameEn).HasMaxLength(Category.NameMaxLength).IsRequired().IsSingleLine();
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> builder)
    {
        builder.ToTable("RoutingRules");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.CategoryId, r.DepartmentId }).IsUnique();
        builder.HasOne<Category>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation.Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> builder)
    {
        builder.ToTable("CaseNumberCounters");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
        builder.Property(c => c.LastSequence).IsConcurrencyToken();
    }
}
