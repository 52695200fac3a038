using ComplaintPortal.Domain.Cases;

namespace ComplaintPortal.Web.Hosting;

/// <summary>
/// One kind of complaint the demo organisation receives, with what its departments find and do. The first of
/// <see cref="Categories"/> the organisation has is used; a story whose category reaches no department with a demo
/// handler is left out (each starter has its own categories and people). <see cref="Causes"/> are cause category codes in
/// order of preference (the first the organisation has is filed; none: the findings file no cause).
/// </summary>
public sealed record DemoStory(
    string[] Categories,
    ComplaintChannel Channel,
    Severity Severity,
    ComplaintSubject Subject,
    string Description,
    string Request,
    string RootCause,
    string Solution,
    string[] SolutionTypes,
    string Done,
    string Reply,
    string[] Causes);

/// <summary>The demo organisation's complaints and complainants (all invented; written as the clerks would).</summary>
public static class DemoStories
{
    public static IReadOnlyList<string> Complainants { get; } =
    [
        "陈立华", "刘芳", "张伟强", "李秀英", "黄志明", "赵丽娟", "周杰", "吴海燕", "徐建国", "孙悦", "马超", "朱丽",
        "胡晓东", "郭静", "何文斌", "高雪梅",
    ];

    /// <summary>Each complainant's customer group, by their place in <see cref="Complainants"/> (two have none given).</summary>
    private static readonly string?[] Groups = ["个人客户", "VIP会员", "个人客户", "企业客户", null, "个人客户", "VIP会员", "团体客户"];

    /// <summary>The customer group <paramref name="complainant"/> belongs to, the same at every call, so a repeat caller keeps theirs.</summary>
    public static string? CustomerGroupOf(string complainant)
    {
        var index = Complainants.ToList().IndexOf(complainant);
        return index < 0 ? null : Groups[index % Groups.Length];
    }

    public static IReadOnlyList<DemoStory> All { get; } =
    [
        new(["QUALITY.DEFECT", CategoryCatalog.ProductQuality], ComplaintChannel.Hotline, Severity.Serious,
            new() { ProductModel = "电水壶 XP-200", Batch = "B2026-09" },
            "电水壶使用两周后底座漏电，手碰到外壳有麻的感觉。", "更换新品并说明原因",
            "底座密封圈为九月批次来料，耐温不足，受热后变形渗水。", "为客户更换新品；同批次库存全部复检，更换密封圈供应商。",
            ["REPLACE"], "新品已送到客户家中，同批次库存复检完毕。", "已电话告知客户原因与处理结果，并致歉。", ["MATERIAL"]),
        new(["QUALITY.FAULT", CategoryCatalog.ProductQuality], ComplaintChannel.Online, Severity.Moderate,
            new() { ProductModel = "吸尘器 V8", Batch = "B2026-07", OrderNumber = "JD7712093" },
            "吸尘器充满电后无法开机，指示灯闪三下。", "上门维修或退货",
            "电池保护板误判过温，属于固件问题。", "上门升级固件并检测电池；同型号产品在售后网点统一升级。",
            ["REPAIR"], "工程师已上门升级固件，开机正常。", "已短信和电话告知客户维修结果。", ["DESIGN"]),
        new(["QUALITY.PERF", CategoryCatalog.ProductQuality], ComplaintChannel.Email, Severity.Minor,
            new() { ProductModel = "空气净化器 AP-35" },
            "空气净化器在睡眠档运行噪音仍然很大，与宣传的静音不符。", "退货退款",
            "风机轴承润滑不足，噪音超出标准 6 分贝。", "为客户办理退货退款；产线增加噪音抽检工序。",
            ["REFUND", "IMPROVE"], "退款已原路退回，产线抽检工序已上线。", "已邮件回复客户处理结果并附退款凭证。", ["PROCESS"]),
        new(["QUALITY.DEFECT", CategoryCatalog.ProductQuality], ComplaintChannel.Letter, Severity.Moderate,
            new() { ProductModel = "电饭煲 RC-12", Batch = "B2026-08", PurchaseDate = new DateOnly(2026, 8, 18) },
            "电饭煲内胆涂层使用一个月就开始脱落。", "更换内胆",
            "内胆喷涂工序固化温度偏低，附着力不足。", "免费更换内胆；调整喷涂固化参数并留样检测。",
            ["REPLACE", "IMPROVE"], "新内胆已寄出，客户签收。", "已电话回复客户并寄送致歉信。", ["PROCESS"]),
        new([CategoryCatalog.ProductQuality], ComplaintChannel.WalkIn, Severity.Moderate,
            new() { Location = "二楼 218 号服装店", OrderNumber = "POS-0918-2231" },
            "在商场服装店买的羽绒服洗过一次就跑绒，店员拒绝退换。", "退货退款",
            "商户未按商场退换货承诺处理，商品面料防绒不达标。", "督促商户为顾客退货退款；对商户进行约谈并抽检同款商品。",
            ["REFUND"], "商户已为顾客办理退款。", "已电话告知顾客退款结果，顾客表示认可。", ["TENANT"]),
        new(["FACILITY.CLEAN", CategoryCatalog.Facilities], ComplaintChannel.Hotline, Severity.Moderate,
            new() { Location = "地下车库 B2 层 C 区", Facility = "排水沟" },
            "地下车库 B2 层 C 区连续三天积水，灯也坏了好几盏，走路很危险。", "尽快处理积水和照明",
            "排水沟被落叶和泥沙堵塞；三盏灯的镇流器老化。", "疏通排水沟并加装格栅；更换灯具，增加每周巡查。",
            ["REPAIR", "SERVICE"], "排水沟已疏通，灯具已全部更换。", "已电话告知客户处理完毕，欢迎监督。", ["UPKEEP", "FACILITY_AGEING"]),
        new(["FACILITY.DISTURB", CategoryCatalog.Facilities], ComplaintChannel.Online, Severity.Minor,
            new() { Location = "三楼 305 号商铺" },
            "楼上商铺装修，晚上十点以后还在电钻施工，噪音很大。", "要求按规定时间施工",
            "装修队未遵守施工时间规定。", "向商户发出整改通知，夜间安排保安巡查。",
            ["SERVICE", "EXPLAIN"], "商户已签署承诺书，夜间未再施工。", "已回复客户整改情况。", ["TENANT", "RULES"]),
        new(["REPAIR.PUBLIC", CategoryCatalog.Repair], ComplaintChannel.Hotline, Severity.Serious,
            new() { Location = "一楼中庭", Facility = "3 号扶梯" },
            "一楼中庭 3 号扶梯停运三天了还没有修好，带老人上楼很不方便。", "尽快修复并说明原因",
            "扶梯驱动链条磨损，备件需厂家调货。", "厂家加急调货更换驱动链条，修复前设置指引牌。",
            ["REPAIR"], "驱动链条已更换，扶梯经检测恢复运行。", "已电话告知客户扶梯恢复运行。", ["FACILITY_AGEING"]),
        new(["REPAIR.INDOOR", CategoryCatalog.Repair], ComplaintChannel.Hotline, Severity.Moderate,
            new() { Location = "五楼 512 号商铺", Facility = "中央空调末端" },
            "商铺里的空调不制冷，报修两次都没人来。", "上门维修",
            "风机盘管电机损坏，前两次报修因派工单丢失未处理。", "更换风机盘管电机；报修单改为系统派工。",
            ["REPAIR"], "电机已更换，空调制冷正常。", "已上门向商户说明原因并致歉。", ["PROCEDURE", "UPKEEP"]),
        new(["BILLING.OVERCHARGE", CategoryCatalog.Billing], ComplaintChannel.Hotline, Severity.Moderate,
            new() { OrderNumber = "账单 2026-10" },
            "本月话费比平时多扣了 58 元，客户从未订购任何增值业务。", "退还多扣的费用",
            "第三方增值业务在客户不知情的情况下被订购。", "退订该业务并全额退费；向合作方发起核查。",
            ["REFUND", "BILL_ADJUST"], "58 元已退回客户账户，业务已退订。", "已电话告知客户退费到账。", ["BILLING", "THIRD_PARTY"]),
        new(["BILLING.PACKAGE", CategoryCatalog.Billing], ComplaintChannel.WalkIn, Severity.Moderate,
            new() { Location = "人民路营业厅" },
            "升级套餐时营业员承诺每月 99 元不限流量，实际账单按 129 元扣费。", "按承诺资费收费",
            "营业员介绍套餐时口径错误。", "按承诺资费调整并补退差额；对营业员进行培训。",
            ["BILL_ADJUST", "REFUND"], "差额已补退，套餐资费已调整。", "已电话回复客户，客户接受处理结果。", ["MARKETING", "TRAINING"]),
        new(["NETWORK"], ComplaintChannel.Online, Severity.Moderate,
            new() { Location = "阳光花园小区 6 栋" },
            "小区室内手机信号很差，通话经常中断。", "改善信号",
            "附近基站天线方位角偏移，室内覆盖不足。", "调整天线方位角并加装室内分布系统。",
            ["REPAIR"], "天线已调整，测试通话正常。", "已回访客户，信号明显改善。", ["NETWORK"]),
        new(["BROADBAND"], ComplaintChannel.Hotline, Severity.Minor,
            new() { Location = "滨江路 88 号" },
            "家里宽带每天晚上八点以后频繁掉线。", "上门检修",
            "光猫老化，晚高峰时重启。", "上门更换光猫。",
            ["REPAIR"], "光猫已更换，连续观察三天无掉线。", "已电话回复客户。", ["NETWORK", "FACILITY_AGEING"]),
        new(["SERVICE.ATTITUDE", CategoryCatalog.Service], ComplaintChannel.Online, Severity.Minor,
            new() { Location = "服务窗口" },
            "办理业务时工作人员态度冷淡，问问题不耐烦。", "工作人员道歉",
            "当班人员服务用语不规范。", "当事人向客户致歉；开展服务礼仪培训。",
            ["SERVICE"], "当事人已致歉，培训已完成。", "已电话向客户致歉并说明整改措施。", ["TRAINING"]),
        new(["SECURITY.INTRUDER", CategoryCatalog.Security], ComplaintChannel.WalkIn, Severity.Minor,
            new() { Location = "一楼东门" },
            "商场门口有人强行推销健身卡，跟着顾客不让走。", "制止推销行为",
            "外来推销人员未经许可进入商场。", "加强门岗巡查，劝离推销人员。",
            ["SERVICE"], "门岗已加派人员巡查。", "已回复客户处理情况。", []),
    ];
}
