namespace ComplaintPortal.Domain.Organisation;

/// <summary>
/// The departments every installation starts with: the union of the three source regimes
/// (manufacturer, shopping plaza, telecom complaint room). Administrators rename or deactivate them.
/// </summary>
public static class DepartmentCatalog
{
    public const string CustomerService = "CS";
    public const string RnD = "RND";
    public const string Production = "PROD";
    public const string Quality = "QA";
    public const string Sales = "SALES";
    public const string TechnicalSupport = "TECH";
    public const string Engineering = "ENG";
    public const string Security = "SEC";
    public const string PropertyManagement = "PROP";
    public const string Finance = "FIN";
    public const string Supervision = "SUPV";
    public const string Archive = "ARCH";
    public const string Leadership = "LEAD";

    public static IReadOnlyList<Department> Seed() =>
    [
        new(CustomerService, "客服中心（投诉室）", "客服中心（投訴室）", "Customer Service (Complaint Room)", DepartmentKind.CustomerService),
        new(RnD, "研发部", "研發部", "R&D", DepartmentKind.Operational),
        new(Production, "生产部", "生產部", "Production", DepartmentKind.Operational),
        new(Quality, "质量部", "質量部", "Quality", DepartmentKind.Operational),
        new(Sales, "销售部", "銷售部", "Sales", DepartmentKind.Operational),
        new(TechnicalSupport, "技术支持部", "技術支援部", "Technical Support", DepartmentKind.Operational),
        new(Engineering, "工程部", "工程部", "Engineering", DepartmentKind.Operational),
        new(Security, "保安部", "保安部", "Security", DepartmentKind.Operational),
        new(PropertyManagement, "物业管理部", "物業管理部", "Property Management", DepartmentKind.Operational),
        new(Finance, "财务部", "財務部", "Finance", DepartmentKind.Operational),
        new(Supervision, "监督小组", "監督小組", "Supervision Committee", DepartmentKind.Oversight),
        new(Archive, "档案室", "檔案室", "Archive Office", DepartmentKind.Oversight),
        new(Leadership, "公司领导", "公司領導", "Leadership", DepartmentKind.Leadership),
    ];
}
