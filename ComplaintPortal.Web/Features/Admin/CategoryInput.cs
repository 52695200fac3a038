using System.ComponentModel.DataAnnotations;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Web.Features.Admin;

public sealed class CategoryInput
{
    [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Validation_Required))]
    [StringLength(Category.CodeMaxLength, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Validation_TooLong))]
    public string Code { get; set; } = "";

    public int? ParentId { get; set; }

    [Required(ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Validation_Required))]
    [StringLength(Category.NameMaxLength, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Validation_TooLong))]
    public string NameZhHans { get; set; } = "";

    [StringLength(Category.NameMaxLength, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Validation_TooLong))]
    public string NameZhHant { get; set; } = "";

    [StringLength(Category.NameMaxLength, ErrorMessageResourceType = typeof(UiText), ErrorMessageResourceName = nameof(UiText.Validation_TooLong))]
    public string NameEn { get; set; } = "";

    public bool IsActive { get; set; } = true;
}
