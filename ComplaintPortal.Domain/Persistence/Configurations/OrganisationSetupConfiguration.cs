using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.ToTable("Teams");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Code).HasMaxLength(Team.CodeMaxLength).IsRequired().IsSingleLine();
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Property(t => t.NameZhHans).HasMaxLength(Department.NameMaxLength).IsRequired().IsSingleLine();
        builder.Property(t => t.NameZhHant).HasMaxLength(Department.NameMaxLength).IsRequired().IsSingleLine();
        builder.Property(t => t.NameEn).HasMaxLength(Department.NameMaxLength).IsRequired().IsSingleLine();
        builder.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.ToTable("TeamMembers");
        builder.HasKey(m => new { m.TeamId, m.UserId });
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.UserId);
    }
}

internal sealed class OrganisationChangeConfiguration : IEntityTypeConfiguration<OrganisationChange>
{
    public void Configure(EntityTypeBuilder<OrganisationChange> builder)
    {
        builder.ToTable("OrganisationChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ChangedBy).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired().IsSingleLine();
        builder.Property(c => c.Subject).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.SubjectCode).HasMaxLength(OrganisationChange.SubjectMaxLength).IsRequired().IsSingleLine();
        builder.Property(c => c.What).HasMaxLength(OrganisationChange.WhatMaxLength).IsRequired();
        builder.HasIndex(c => new { c.Subject, c.SubjectCode });
    }
}

internal sealed class OrganisationProfileConfiguration : IEntityTypeConfiguration<OrganisationProfile>
{
    public void Configure(EntityTypeBuilder<OrganisationProfile> builder)
    {
        builder.ToTable("OrganisationProfile");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.StarterCode).HasMaxLength(OrganisationProfile.StarterMaxLength).IsRequired().IsSingleLine();
        builder.Property(p => p.AppliedBy).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired().IsSingleLine();
    }
}

/// <summary>The columns every named list shares (<see cref="CatalogueEntry"/>): a unique code and a name in three languages.</summary>
internal abstract class CatalogueEntryConfiguration<T>(string table) : IEntityTypeConfiguration<T>
    where T : CatalogueEntry
{
    public virtual void Configure(EntityTypeBuilder<T> builder)
    {
        builder.ToTable(table);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Code).HasMaxLength(CatalogueEntry.CodeMaxLength).IsRequired().IsSingleLine();
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.NameZhHans).HasMaxLength(Department.NameMaxLength).IsRequired().IsSingleLine();
        builder.Property(s => s.NameZhHant).HasMaxLength(Department.NameMaxLength).IsRequired().IsSingleLine();
        builder.Property(s => s.NameEn).HasMaxLength(Department.NameMaxLength).IsRequired().IsSingleLine();
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class SolutionTypeConfiguration() : CatalogueEntryConfiguration<SolutionType>("SolutionTypes");

internal sealed class CauseCategoryConfiguration() : CatalogueEntryConfiguration<CauseCategory>("CauseCategories");

internal sealed class RepairCategoryConfiguration() : CatalogueEntryConfiguration<RepairCategory>("RepairCategories");

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.ToTable("MessageTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Language).HasMaxLength(MessageTemplate.LanguageMaxLength).IsRequired().IsSingleLine();
        builder.Property(t => t.Subject).HasMaxLength(MessageTemplate.SubjectMaxLength).IsRequired().IsSingleLine();
        builder.Property(t => t.Body).HasMaxLength(MessageTemplate.BodyMaxLength).IsRequired();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Property(t => t.ChangedBy).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired().IsSingleLine();
        builder.HasIndex(t => new { t.Kind, t.Language, t.Channel });
    }
}
