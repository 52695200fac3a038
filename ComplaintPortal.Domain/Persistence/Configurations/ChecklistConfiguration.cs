using ComplaintPortal.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class ChecklistTemplateConfiguration : IEntityTypeConfiguration<ChecklistTemplate>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplate> builder)
    {
        builder.ToTable("ChecklistTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Code).HasMaxLength(ChecklistTemplate.CodeMaxLength).IsRequired();
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.NameZhHans).HasMaxLength(ChecklistTemplate.NameMaxLength).IsRequired();
        builder.Property(t => t.NameZhHant).HasMaxLength(ChecklistTemplate.NameMaxLength).IsRequired();
        builder.Property(t => t.NameEn).HasMaxLength(ChecklistTemplate.NameMaxLength).IsRequired();
        builder.HasMany(t => t.Versions).WithOne(v => v.Template).HasForeignKey(v => v.ChecklistTemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(t => t.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ChecklistVersionConfiguration : IEntityTypeConfiguration<ChecklistVersion>
{
    public void Configure(EntityTypeBuilder<ChecklistVersion> builder)
    {
        builder.ToTable("ChecklistVersions");
        builder.HasKey(v => v.Id);
        // Two administrators publishing at once cannot both make version n.
        builder.HasIndex(v => new { v.ChecklistTemplateId, v.Number }).IsUnique();
        builder.Property(v => v.PublishedByName).HasMaxLength(Cases.Complaint.ShortTextMaxLength).IsRequired();
        builder.HasMany(v => v.Items).WithOne().HasForeignKey(i => i.ChecklistVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(v => v.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> builder)
    {
        builder.ToTable("ChecklistItems");
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => new { i.ChecklistVersionId, i.Code }).IsUnique();
        builder.Property(i => i.Code).HasMaxLength(ChecklistItem.CodeMaxLength).IsRequired();
        builder.Property(i => i.TextZhHans).HasMaxLength(ChecklistItem.TextMaxLength).IsRequired();
        builder.Property(i => i.TextZhHant).HasMaxLength(ChecklistItem.TextMaxLength).IsRequired();
        builder.Property(i => i.TextEn).HasMaxLength(ChecklistItem.TextMaxLength).IsRequired();
    }
}
