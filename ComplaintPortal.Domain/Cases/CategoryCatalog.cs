using ComplaintPortal.Domain.Organisation;

namespace ComplaintPortal.Domain.Cases;

/// <summary>
/// The category tree every installation starts with: the union of the three source regimes
/// (manufacturer 000, shopping plaza 001, telecom complaint room 002), and the default routing.
/// </summary>
public static class CategoryCatalog
{
    public const string ProductQuality = "QUALITY";
    public const string ProductUse = "USE";
    public const string Service = "SERVICE";
    public const string Facilities = "FACILITY";
    public const string Security = "SECURITY";
    public const string Repair = "REPAIR";
    public const string Billing = "BILLING";
    public const string Other = "OTHER";

    /// <summary>Code, parent code, names, default departments (empty: chosen by hand or inherited).</summary>
    public static IReadOnlyList<CategorySeed> Seed { get; } =
    [
        new(ProductQuality, null, "产品质量问题", "產品質量問題", "Product quality", [DepartmentCatalog.RnD, DepartmentCatalog.Production, DepartmentCatalog.Quality]),
        new("QUALITY.DEFECT", ProductQuality, "产品缺陷", "產品缺陷", "Defect", []),
        new("QUALITY.FAULT", ProductQuality, "产品故障", "產品故障", "Fault", []),
        new("QUALITY.PERF", ProductQuality, "性能不符合标准", "性能不符合標準", "Performance below standard", []),
        new(ProductUse, null, "产品使用问题", "產品使用問題", "Product use", [DepartmentCatalog.TechnicalSupport]),
        new(Service, null, "服务问题", "服務問題", "Service", [DepartmentCatalog.Sales]),
        new("SERVICE.ATTITUDE", Service, "服务态度", "服務態度", "Staff attitude", []),
        new("SERVICE.RESPONSE", Service, "响应不及时", "響應不及時", "Slow response", []),
        new(Facilities, null, "环境设施", "環境設施", "Environment and facilities", [DepartmentCatalog.PropertyManagement, DepartmentCatalog.Engineering]),
        new(Security, null, "安全保卫", "安全保衛", "Safety and security", [DepartmentCatalog.Security]),
        new(Repair, null, "报修", "報修", "Repair request", [DepartmentCatalog.Engineering]),
        new(Billing, null, "话费计费争议", "話費計費爭議", "Billing dispute", [DepartmentCatalog.Finance]),
        new(Other, null, "其他问题", "其他問題", "Other", []),
    ];
}

public sealed record CategorySeed(
    string Code, string? ParentCode, string NameZhHans, string NameZhHant, string NameEn, IReadOnlyList<string> DepartmentCodes);
