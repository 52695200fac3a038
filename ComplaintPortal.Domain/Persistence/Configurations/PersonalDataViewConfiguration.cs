using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintPortal.Domain.Persistence.Configurations;

internal sealed class PersonalDataViewConfiguration : IEntityTypeConfiguration<PersonalDataView>
{
    public void Configure(EntityTypeBuilder<PersonalDataView> builder)
    {
        builder.ToTable(AppendOnlyPrivacyInterceptor.Table);
        builder.HasKey(v => v.Id);
        builder.Property(v => v.ViewerUserId).HasMaxLength(450).IsRequired().IsSingleLine();
        builder.Property(v => v.ViewerName).HasMaxLength(Complaint.ShortTextMaxLength).IsRequired().IsSingleLine();
        builder.Property(v => v.CaseNumber).HasMaxLength(CaseNumber.MaxLength).IsRequired().IsSingleLine();
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Detail).HasMaxLength(PersonalDataView.DetailMaxLength).IsSingleLine();
        builder.Property(v => v.Address).HasMaxLength(PersonalDataView.AddressMaxLength).IsSingleLine();
        // No foreign key to the case: the log outlives the case's personal data and must not block its removal.
        builder.HasIndex(v => v.At);
        builder.HasIndex(v => new { v.ComplaintId, v.At });
        builder.HasIndex(v => new { v.ViewerUserId, v.At });
    }
}
