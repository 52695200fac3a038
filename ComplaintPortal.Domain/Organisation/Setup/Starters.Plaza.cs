using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Sla;
using static ComplaintPortal.Domain.Organisation.DepartmentCatalog;

namespace ComplaintPortal.Domain.Organisation.Setup;

public static partial class Starters
{
    /// <summary>
    /// 001 客戶投訴處理工作規程: the property department (客服中心) receives, passes on, chases and reports back;
    /// engineering handles equipment faults and repairs (paid or free work orders), the security team handles
    /// security; the property department's own services group handles cleaning, greening, disturbances and mail;
    /// finance checks the fees of paid work. Time limits from the regime: a first response within 24 hours and a
    /// solution within 48 hours, counted round the clock (the hotline is 24/7); completion (not given) 5 days.
    /// </summary>
    public static OrganisationSetup Plaza => new()
    {
        StarterCode = PlazaCode,
        Departments =
        [
            new(CustomerService, null, "物业部（客服中心）", "物業部（客服中心）", "Property Department (Service Centre)", DepartmentKind.CustomerService),
            Works(PropertyManagement, CustomerService, "物业部 环境与信报组", "物業部 環境與信報組", "Property services (cleaning, greening, mail)"),
            Works(Engineering, null, "工程部", "工程部", "Engineering"),
            Works(Security, null, "保安队", "保安隊", "Security Team"),
            Works(Finance, null, "财务部", "財務部", "Finance"),
            Leadership("公司领导（管理处经理）", "公司領導（管理處經理）", "Leadership (Centre Manager)"),
            Supervision("品质督导组", "品質督導組", "Quality Supervision"),
            Archive(),
        ],
        Teams =
        [
            new("ENG.ELEC", Engineering, "强弱电班组", "強弱電班組", "Electrical crew"),
            new("ENG.PLUMB", Engineering, "给排水班组", "給排水班組", "Plumbing crew"),
            new("ENG.HVAC", Engineering, "空调电梯班组", "空調電梯班組", "HVAC and lift crew"),
        ],
        Categories =
        [
            Node(CategoryCatalog.Repair, null, "报修", "報修", "Repair request", Engineering),
            Node("REPAIR.INDOOR", CategoryCatalog.Repair, "室内维修", "室內維修", "Repair inside a unit"),
            Node("REPAIR.PUBLIC", CategoryCatalog.Repair, "公共区域设备设施维修", "公共區域設備設施維修", "Repair in public areas"),
            Node(CategoryCatalog.Facilities, null, "环境设施", "環境設施", "Environment and facilities", PropertyManagement, Engineering),
            Node("FACILITY.CLEAN", CategoryCatalog.Facilities, "公共区域清洁绿化", "公共區域清潔綠化", "Cleaning and greening", PropertyManagement),
            Node("FACILITY.DISTURB", CategoryCatalog.Facilities, "装修噪音异味粉尘滋扰", "裝修噪音異味粉塵滋擾", "Renovation noise, smell or dust", PropertyManagement),
            Node(CategoryCatalog.Security, null, "安全保卫", "安全保衛", "Safety and security", Security),
            Node("SECURITY.INTRUDER", CategoryCatalog.Security, "外来推销人员滋扰", "外來推銷人員滋擾", "Intruding sales people"),
            Node("MAIL", null, "邮件报纸遗失或延误", "郵件報紙遺失或延誤", "Lost or late mail and newspapers", PropertyManagement),
            Node("PAIDSVC", null, "有偿服务需求（室内清洁、告示牌租用）", "有償服務需求（室內清潔、告示牌租用）", "Paid services (cleaning, notice boards)", PropertyManagement),
            Node(CategoryCatalog.ProductQuality, null, "商品质量", "商品質量", "Goods quality", PropertyManagement),
            Node(CategoryCatalog.Service, null, "服务态度", "服務態度", "Staff attitude", PropertyManagement),
            Node(CategoryCatalog.Other, null, "其他问题", "其他問題", "Other"),
        ],
        SolutionTypes =
        [
            new("REPAIR", "维修", "維修", "Repair"),
            new("REFUND", "退货退款", "退貨退款", "Return and refund"),
            new("COMPENSATE", "补偿优惠", "補償優惠", "Compensation or discount"),
            new("SERVICE", "改进服务", "改進服務", "Service improvement"),
            new("EXPLAIN", "解释说明", "解釋說明", "Explanation"),
        ],
        CauseCategories = StarterCauses.Plaza,
        RepairCategories =
        [
            new("INDOOR.ELEC", "室内电路维修", "室內電路維修", "Electrical repair inside a unit", true),
            new("INDOOR.PLUMB", "室内给排水维修", "室內給排水維修", "Plumbing repair inside a unit", true),
            new("INDOOR.AC", "室内空调维修", "室內空調維修", "Air conditioning inside a unit", true),
            new("INDOOR.DOOR", "门窗五金维修", "門窗五金維修", "Doors, windows and fittings", true),
            new("PUBLIC.LIFT", "电梯扶梯", "電梯扶梯", "Lifts and escalators", false),
            new("PUBLIC.LIGHT", "公共照明", "公共照明", "Public lighting", false),
            new("PUBLIC.PLUMB", "公共给排水", "公共給排水", "Public plumbing", false),
        ],
        Calendars = [CalendarSeeds.RoundTheClock, CalendarSeeds.ChinaMainland2026],
        Policies =
        [
            Policy(Priority.General, CalendarSeeds.RoundTheClock.Code, SlaTarget.Hours(24), SlaTarget.Hours(48), SlaTarget.Days(5)),
            Policy(Priority.Urgent, CalendarSeeds.RoundTheClock.Code, SlaTarget.Hours(2), SlaTarget.Hours(24), SlaTarget.Days(3)),
        ],
        Templates = StarterTemplates.For("客服中心", "客服中心", "the Service Centre"),
    };
}
