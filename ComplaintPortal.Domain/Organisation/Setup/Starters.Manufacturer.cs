using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Sla;
using static ComplaintPortal.Domain.Organisation.DepartmentCatalog;

namespace ComplaintPortal.Domain.Organisation.Setup;

public static partial class Starters
{
    /// <summary>
    /// 000 產品客訴管理制度: customer service receives and tracks; R&amp;D analyses and solves quality problems,
    /// production adjusts, quality inspects and supervises the improvement, sales talks to the customer.
    /// Time limits: the regime leaves them as [X]; the defaults here are 1 / 3 / 7 working days for general
    /// complaints and 4 working hours / 1 / 3 working days for urgent ones, on the mainland calendar.
    /// </summary>
    public static OrganisationSetup Manufacturer => new()
    {
        StarterCode = ManufacturerCode,
        Departments =
        [
            new(CustomerService, null, "客服部", "客服部", "Customer Service", DepartmentKind.CustomerService),
            Works(RnD, null, "研发部", "研發部", "R&D"),
            Works(Production, null, "生产部", "生產部", "Production"),
            Works(Quality, null, "质量部", "質量部", "Quality"),
            Works(Sales, null, "销售部", "銷售部", "Sales"),
            Works(TechnicalSupport, RnD, "技术支持组", "技術支援組", "Technical Support"),
            Leadership(),
            Supervision("客诉处理监督小组", "客訴處理監督小組", "Complaint Supervision Committee"),
            Archive(),
        ],
        Teams =
        [
            new("PROD.LINE", Production, "生产工艺组", "生產工藝組", "Process team"),
            new("QA.LAB", Quality, "检验室", "檢驗室", "Inspection lab"),
        ],
        Categories =
        [
            Node(CategoryCatalog.ProductQuality, null, "产品质量问题", "產品質量問題", "Product quality", RnD, Production, Quality),
            Node("QUALITY.DEFECT", CategoryCatalog.ProductQuality, "产品缺陷", "產品缺陷", "Defect"),
            Node("QUALITY.FAULT", CategoryCatalog.ProductQuality, "产品故障", "產品故障", "Fault"),
            Node("QUALITY.PERF", CategoryCatalog.ProductQuality, "性能不符合标准", "性能不符合標準", "Performance below standard"),
            Node(CategoryCatalog.ProductUse, null, "产品使用问题", "產品使用問題", "Product use", TechnicalSupport),
            Node(CategoryCatalog.Service, null, "服务问题", "服務問題", "Service", Sales),
            Node("SERVICE.PRESALE", CategoryCatalog.Service, "售前咨询", "售前諮詢", "Pre-sale advice"),
            Node("SERVICE.AFTERSALE", CategoryCatalog.Service, "售后服务", "售後服務", "After-sales service"),
            Node("SERVICE.ATTITUDE", CategoryCatalog.Service, "服务态度", "服務態度", "Staff attitude"),
            Node("SERVICE.RESPONSE", CategoryCatalog.Service, "响应不及时", "響應不及時", "Slow response"),
            Node(CategoryCatalog.Other, null, "其他问题", "其他問題", "Other"),
        ],
        SolutionTypes =
        [
            new("REPAIR", "维修", "維修", "Repair"),
            new("REPLACE", "更换产品", "更換產品", "Replacement"),
            new("REFUND", "退款", "退款", "Refund"),
            new("IMPROVE", "产品改进", "產品改進", "Product change"),
            new("GUIDANCE", "使用说明或现场指导", "使用說明或現場指導", "Instructions or on-site guidance"),
            new("SERVICE", "服务优化与培训", "服務優化與培訓", "Process or training change"),
        ],
        CauseCategories = StarterCauses.Manufacturer,
        Calendars = [CalendarSeeds.ChinaMainland2026, CalendarSeeds.RoundTheClock],
        Policies =
        [
            Policy(Priority.General, CalendarSeeds.ChinaMainland2026.Code, SlaTarget.Days(1), SlaTarget.Days(3), SlaTarget.Days(7)),
            Policy(Priority.Urgent, CalendarSeeds.ChinaMainland2026.Code, SlaTarget.Hours(4), SlaTarget.Days(1), SlaTarget.Days(3)),
        ],
        Templates = StarterTemplates.For("客服部", "客服部", "Customer Service"),
    };
}
