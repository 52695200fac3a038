using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Sla;
using static ComplaintPortal.Domain.Organisation.DepartmentCatalog;

namespace ComplaintPortal.Domain.Organisation.Setup;

public static partial class Starters
{
    public const string NetworkCode = "NET";
    public const string BusinessHallsCode = "HALL";

    /// <summary>
    /// 002 電信投訴室管理制度: the complaint room receives (hotline 24/7, online, letters, business halls),
    /// passes each complaint to the responsible department, tracks, reviews, replies and calls back; billing
    /// disputes go to finance (bill adjustments and refunds), network faults to network operations, business
    /// hall service to the halls' management. Time limits: the regime says only "within the set time"; the
    /// defaults are 1 / 3 / 5 working days for general complaints and 4 hours / 1 / 2 days round the clock for urgent ones.
    /// </summary>
    public static OrganisationSetup Telecom => new()
    {
        StarterCode = TelecomCode,
        Departments =
        [
            new(CustomerService, null, "投诉室", "投訴室", "Complaint Room", DepartmentKind.CustomerService),
            Works(Finance, null, "财务部（计费中心）", "財務部（計費中心）", "Finance (Billing)"),
            Works(NetworkCode, null, "网络运维部", "網絡運維部", "Network Operations"),
            Works(BusinessHallsCode, null, "营业厅管理部", "營業廳管理部", "Business Halls"),
            Works(TechnicalSupport, NetworkCode, "宽带与终端支持组", "寬帶與終端支援組", "Broadband and Device Support"),
            Leadership(),
            Supervision("投诉处理监督小组", "投訴處理監督小組", "Complaint Supervision Committee"),
            Archive(),
        ],
        Teams =
        [
            new("NET.FIELD", NetworkCode, "外线维护班", "外線維護班", "Field maintenance crew"),
            new("CS.CALLBACK", CustomerService, "回访组", "回訪組", "Callback team"),
        ],
        Categories =
        [
            Node(CategoryCatalog.Billing, null, "话费计费争议", "話費計費爭議", "Billing dispute", Finance),
            Node("BILLING.OVERCHARGE", CategoryCatalog.Billing, "多扣费", "多扣費", "Overcharge"),
            Node("BILLING.PACKAGE", CategoryCatalog.Billing, "套餐资费不符", "套餐資費不符", "Tariff not as agreed"),
            Node("NETWORK", null, "网络信号与通信质量", "網絡信號與通信質量", "Network and call quality", NetworkCode),
            Node("BROADBAND", null, "宽带与终端故障", "寬帶與終端故障", "Broadband and device faults", TechnicalSupport),
            Node(CategoryCatalog.Service, null, "营业厅服务", "營業廳服務", "Business hall service", BusinessHallsCode),
            Node("SERVICE.ATTITUDE", CategoryCatalog.Service, "服务态度", "服務態度", "Staff attitude"),
            Node("SERVICE.RESPONSE", CategoryCatalog.Service, "办理不及时", "辦理不及時", "Slow handling"),
            Node(CategoryCatalog.Other, null, "其他问题", "其他問題", "Other"),
        ],
        SolutionTypes =
        [
            new("BILL_ADJUST", "话费调整", "話費調整", "Bill adjustment"),
            new("REFUND", "退费", "退費", "Refund"),
            new("REPAIR", "故障维修", "故障維修", "Fault repair"),
            new("EXPLAIN", "解释说明", "解釋說明", "Explanation"),
            new("SERVICE", "服务改进", "服務改進", "Service improvement"),
        ],
        CauseCategories = StarterCauses.Telecom,
        Calendars = [CalendarSeeds.ChinaMainland2026, CalendarSeeds.RoundTheClock],
        Policies =
        [
            Policy(Priority.General, CalendarSeeds.ChinaMainland2026.Code, SlaTarget.Days(1), SlaTarget.Days(3), SlaTarget.Days(5)),
            Policy(Priority.Urgent, CalendarSeeds.RoundTheClock.Code, SlaTarget.Hours(4), SlaTarget.Days(1), SlaTarget.Days(2)),
        ],
        Templates =
        [
            .. StarterTemplates.For("投诉室", "投訴室", "the Complaint Room"),
            new(MessageKind.Acknowledgement, "zh-Hans", ReplyChannel.Sms, "",
                "【投诉受理】您的投诉已受理，编号{CaseNumber}，我们承诺于{PromisedDate}前答复。"),
            new(MessageKind.Acknowledgement, "zh-Hant", ReplyChannel.Sms, "",
                "【投訴受理】您的投訴已受理，編號{CaseNumber}，我們承諾於{PromisedDate}前答覆。"),
        ],
    };
}
