using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Organisation.Setup;
using static ComplaintPortal.Domain.Organisation.DepartmentCatalog;

namespace ComplaintPortal.Web.Hosting;

/// <summary>The demo people of each starter regime (README lists them); every one signs in with <see cref="DemoAccounts.Password"/>.</summary>
public static class DemoPeople
{
    public static IReadOnlyList<DemoAccount> For(string starterCode) => starterCode switch
    {
        Starters.ManufacturerCode => Manufacturer,
        Starters.PlazaCode => Plaza,
        Starters.TelecomCode => Telecom,
        Starters.EmptyCode => [Admin],
        _ => Mixed,
    };

    private static DemoAccount Admin => new("admin", "系统管理员", PortalRoles.Administrator, null);

    private static IReadOnlyList<DemoAccount> Common(string leader) =>
    [
        new("leader", leader, PortalRoles.Leadership, Leadership),
        new("supervisor", "监督小组 吴静", PortalRoles.Supervisor, Supervision),
        // A second member, to share a sample's checks with (分派抽查).
        new("supervisor2", "监督小组 陈明", PortalRoles.Supervisor, Supervision),
        new("archivist", "档案管理员 郑洁", PortalRoles.ArchiveClerk, Archive),
        Admin,
    ];

    private static IReadOnlyList<DemoAccount> Mixed =>
    [
        new("intake", "客服 王芳", PortalRoles.IntakeClerk, CustomerService),
        new("handler.qa", "质量部 李强", PortalRoles.DepartmentHandler, Quality),
        new("head.qa", "质量部 张敏（部长）", PortalRoles.DepartmentHead, Quality),
        new("handler.eng", "工程部 陈刚", PortalRoles.DepartmentHandler, Engineering),
        new("head.eng", "工程部 赵磊（经理）", PortalRoles.DepartmentHead, Engineering),
        new("leader", "总经理 周建国", PortalRoles.Leadership, Leadership),
        new("supervisor", "监督小组 吴静", PortalRoles.Supervisor, Supervision),
        // A second member, to share a sample's checks with (分派抽查).
        new("supervisor2", "监督小组 陈明", PortalRoles.Supervisor, Supervision),
        new("archivist", "档案管理员 郑洁", PortalRoles.ArchiveClerk, Archive),
        Admin,
        // The manufacturer's quality path (R&D + production + quality) and the telecom billing path need these.
        new("handler.rnd", "研发部 孙浩", PortalRoles.DepartmentHandler, RnD),
        new("handler.prod", "生产部 钱磊", PortalRoles.DepartmentHandler, Production),
        new("handler.fin", "财务部 何丽", PortalRoles.DepartmentHandler, Finance),
    ];

    private static IReadOnlyList<DemoAccount> Manufacturer =>
    [
        new("intake", "客服部 王芳", PortalRoles.IntakeClerk, CustomerService),
        new("handler.rnd", "研发部 孙浩", PortalRoles.DepartmentHandler, RnD),
        new("head.rnd", "研发部 刘洋（部长）", PortalRoles.DepartmentHead, RnD),
        new("handler.prod", "生产部 钱磊", PortalRoles.DepartmentHandler, Production, "PROD.LINE"),
        new("handler.qa", "质量部 李强", PortalRoles.DepartmentHandler, Quality, "QA.LAB"),
        new("head.qa", "质量部 张敏（部长）", PortalRoles.DepartmentHead, Quality),
        new("handler.sales", "销售部 吴敏", PortalRoles.DepartmentHandler, Sales),
        new("handler.tech", "技术支持组 冯涛", PortalRoles.DepartmentHandler, TechnicalSupport),
        .. Common("总经理 周建国"),
    ];

    private static IReadOnlyList<DemoAccount> Plaza =>
    [
        new("intake", "客服中心 林小燕", PortalRoles.IntakeClerk, CustomerService),
        new("handler.eng", "工程部 陈刚", PortalRoles.DepartmentHandler, Engineering, "ENG.HVAC"),
        new("head.eng", "工程部 赵磊（经理）", PortalRoles.DepartmentHead, Engineering),
        new("handler.sec", "保安队 马强", PortalRoles.DepartmentHandler, Security),
        new("head.sec", "保安队 胡军（队长）", PortalRoles.DepartmentHead, Security),
        new("handler.prop", "环境与信报组 黄丽", PortalRoles.DepartmentHandler, PropertyManagement),
        new("handler.fin", "财务部 何丽", PortalRoles.DepartmentHandler, Finance),
        .. Common("管理处经理 周建国"),
    ];

    private static IReadOnlyList<DemoAccount> Telecom =>
    [
        new("intake", "投诉室 王芳", PortalRoles.IntakeClerk, CustomerService),
        new("handler.fin", "财务部 何丽", PortalRoles.DepartmentHandler, Finance),
        new("head.fin", "财务部 郭峰（经理）", PortalRoles.DepartmentHead, Finance),
        new("handler.net", "网络运维部 张伟", PortalRoles.DepartmentHandler, Starters.NetworkCode),
        new("head.net", "网络运维部 邓超（经理）", PortalRoles.DepartmentHead, Starters.NetworkCode),
        new("handler.hall", "营业厅管理部 李娜", PortalRoles.DepartmentHandler, Starters.BusinessHallsCode),
        .. Common("总经理 周建国"),
    ];
}
