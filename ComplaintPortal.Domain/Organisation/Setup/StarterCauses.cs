namespace ComplaintPortal.Domain.Organisation.Setup;

/// <summary>
/// The cause categories (原因类别) the starters offer. The manufacturer's come from 000's 原因分析 (原材料質量問題、生產工藝問題、
/// 設計缺陷; a product used wrongly or an unclear guide; 溝通不暢、流程繁瑣、服務人員培訓不足); the plaza's and the complaint
/// room's name what their complaints are usually about. The service causes are one code in every starter, so a mixed
/// organisation counts them together.
/// </summary>
internal static class StarterCauses
{
    private static readonly SetupName Communication = new("COMMUNICATION", "沟通不畅", "溝通不暢", "Poor communication");
    private static readonly SetupName Procedure = new("PROCEDURE", "流程繁琐", "流程繁瑣", "Cumbersome procedure");
    private static readonly SetupName Training = new("TRAINING", "服务人员培训不足", "服務人員培訓不足", "Staff not trained enough");
    private static readonly SetupName Misunderstanding = new("MISUNDERSTANDING", "客户误解", "客戶誤解", "Customer misunderstanding");

    public static IReadOnlyList<SetupName> Manufacturer { get; } =
    [
        new("MATERIAL", "原材料质量问题", "原材料質量問題", "Raw material quality"),
        new("PROCESS", "生产工艺问题", "生產工藝問題", "Production process"),
        new("DESIGN", "设计缺陷", "設計缺陷", "Design defect"),
        new("INSPECTION", "检验漏检", "檢驗漏檢", "Missed at inspection"),
        new("TRANSPORT", "运输或包装", "運輸或包裝", "Transport or packaging"),
        new("MISUSE", "使用方法不当", "使用方法不當", "Product used wrongly"),
        new("GUIDE", "操作指南不清", "操作指南不清", "Unclear instructions"),
        Communication,
        Procedure,
        Training,
    ];

    public static IReadOnlyList<SetupName> Plaza { get; } =
    [
        new("FACILITY_AGEING", "设施设备老化", "設施設備老化", "Ageing facilities or equipment"),
        new("UPKEEP", "维保不到位", "維保不到位", "Upkeep not done"),
        new("TENANT", "商户经营问题", "商戶經營問題", "A tenant's trading"),
        new("RULES", "管理制度缺失", "管理制度缺失", "No rule for it"),
        new("THIRD_PARTY", "第三方原因", "第三方原因", "A third party"),
        Communication,
        Procedure,
        Training,
        Misunderstanding,
    ];

    public static IReadOnlyList<SetupName> Telecom { get; } =
    [
        new("NETWORK", "网络覆盖与质量", "網絡覆蓋與質量", "Network coverage or quality"),
        new("BILLING", "计费差错", "計費差錯", "Billing error"),
        new("ORDER", "业务办理差错", "業務辦理差錯", "Order handled wrongly"),
        new("MARKETING", "营销宣传不清", "營銷宣傳不清", "Unclear marketing"),
        new("SYSTEM", "系统故障", "系統故障", "System fault"),
        Communication,
        Procedure,
        Training,
        Misunderstanding,
    ];

    /// <summary>Every starter's categories, each code once (the mixed organisation's).</summary>
    public static IReadOnlyList<SetupName> All { get; } = [.. Manufacturer.Concat(Telecom).Concat(Plaza).DistinctBy(c => c.Code)];
}
