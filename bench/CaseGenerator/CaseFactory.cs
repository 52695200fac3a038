using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;

namespace CaseGenerator;

/// <summary>
/// Makes plausible cases: received times spread over the last 24 months, categories from the seeded tree
/// with their routed departments, and a life that stops in some stage (older cases are mostly closed), with the
/// deadlines, monitor records and notices that life had.
/// </summary>
internal sealed partial class CaseFactory(ReferenceData reference, Random random, DateTimeOffset now, DeadlineBook book)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超"];
    private static readonly string[] Complaints =
    [
        "产品使用两周后出现故障，无法正常开机", "收到的商品外包装破损，内有划痕", "说明书不清楚，不会设置定时功能",
        "客服态度冷淡，多次来电无人回复", "商场停车场照明损坏，夜间看不清", "电梯门夹人，按钮失灵", "卫生间漏水，地面湿滑",
        "保安阻拦正常进出，态度恶劣", "本月话费多扣，套餐外费用不明", "宽带经常掉线，报修后无人上门", "空调不制冷，要求维修",
    ];

    private static readonly CaseStage[] AllStages = Enum.GetValues<CaseStage>();

    /// <summary>How many recent callers a repeat caller is picked from.</summary>
    private const int RecentCallers = 2_000;

    /// <summary>The latest callers, a ring: <see cref="recentCount"/> filled, the next written at <see cref="recentNext"/>.</summary>
    private readonly (string Name, string Phone)[] recent = new (string, string)[RecentCallers];
    private int recentCount;
    private int recentNext;

    /// <summary>
    /// The share of cases whose caller complained before (the same name and phone as one of the last 2,000 callers): 0 by
    /// default, which draws nothing more from the random sequence than the generator drew before the option.
    /// </summary>
    public double RepeatCallers { get; init; }

    /// <summary>Sorted, so case numbers rise with the time a case was received.</summary>
    public long[] ReceivedTimes(int count)
    {
        var start = now.AddMonths(-24).UtcTicks;
        var span = now.AddHours(-1).UtcTicks - start;
        var times = new long[count];
        for (var i = 0; i < count; i++)
        {
            // Whole seconds, like every instant the generator derives from it (the stored form keeps only 0.1 ms).
            times[i] = (start + (long)(random.NextDouble() * span)) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;
        }

        Array.Sort(times);
        return times;
    }

    public GeneratedCase Create(int index, long receivedTicks, Func<int, string> nextNumber)
    {
        var received = new DateTimeOffset(receivedTicks, TimeSpan.Zero);
        var category = reference.Categories[random.Next(reference.Categories.Count)];
        var channel = (ComplaintChannel)random.Next(5);
        var name = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)] + (random.Next(3) == 0 ? Given[random.Next(Given.Length)] : "");
        var clerk = reference.Clerks[random.Next(reference.Clerks.Count)];
        var phone = "1" + random.Next(30, 90).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + random.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        if (RepeatCallers > 0)
        {
            if (recentCount > 0 && random.NextDouble() < RepeatCallers)
            {
                (name, phone) = recent[random.Next(recentCount)];
            }
            else
            {
                recent[recentNext] = (name, phone);
                recentNext = (recentNext + 1) % RecentCallers;
                recentCount = Math.Min(recentCount + 1, RecentCallers);
            }
        }

        var product = category.Code.StartsWith("QUALITY", StringComparison.Ordinal) || category.Code == "USE";
        var place = category.Code is "FACILITY" or "SECURITY" or "REPAIR";
        var c = new GeneratedCase
        {
            CaseNumber = nextNumber(received.ToOffset(TimeSpan.FromHours(8)).Year),
            ReceivedAt = received,
            Clerk = clerk,
            Channel = channel,
            Name = name,
            Phone = phone,
            Email = random.Next(3) == 0 ? $"user{index}@example.cn" : null,
            Group = place ? $"{(char)('A' + random.Next(4))}{random.Next(1, 5)}-{random.Next(1, 40):D2} 租户" : null,
            ProductModel = product ? $"XP-{random.Next(100, 999)}" : null,
            Batch = product ? $"B{received.Year}-{random.Next(1, 53):D2}" : null,
            OrderNumber = category.Code == "BILLING" ? $"0755-{random.Next(1000, 9999)}" : null,
            Location = place ? $"{(char)('A' + random.Next(4))}座 {random.Next(1, 6)} 层" : null,
            Facility = place ? $"{random.Next(1, 9)}号电梯" : null,
            Description = Complaints[random.Next(Complaints.Length)],
            Request = random.Next(2) == 0 ? "尽快处理并给予答复" : null,
        };
        Live(c, category, FinalStage(index, received));
        foreach (var notice in c.Notices)
        {
            MarkRead(notice);
        }

        return c;
    }

    /// <summary>
    /// Who read a notice, as people do: its named person, or a department head their department's notices, nine times in ten;
    /// each handler or clerk a notice to their role three times in ten; within minutes to hours, and only before now.
    /// Leadership's notices stay unread (no leader is generated).
    /// </summary>
    private void MarkRead(GeneratedNotice notice)
    {
        IEnumerable<(string Id, double Chance)> readers = notice.UserId is { } person ? [(person, 0.9)]
            : notice.Role == PortalRoles.DepartmentHead && notice.DepartmentId is { } d && reference.Heads.TryGetValue(d, out var head) ? [(head.Id, 0.9)]
            : notice.Role == PortalRoles.DepartmentHandler && notice.DepartmentId is { } h && reference.Handlers.TryGetValue(h, out var handlers)
                ? handlers.Select(x => (x.Id, 0.3))
            : notice.Role == PortalRoles.IntakeClerk ? reference.Clerks.Select(x => (x.Id, 0.3))
            : Enumerable.Empty<(string, double)>();
        foreach (var (reader, chance) in readers)
        {
            var at = notice.CreatedAt.AddMinutes(random.Next(5, 600));
            if (random.NextDouble() < chance && at < now)
            {
                notice.Reads.Add((reader, at));
            }
        }
    }

    /// <summary>The first cases cover every stage; after that old cases are mostly finished, recent ones anywhere.</summary>
    private CaseStage FinalStage(int index, DateTimeOffset received)
    {
        if (index < AllStages.Length)
        {
            return AllStages[index];
        }

        var roll = random.NextDouble();
        if ((now - received).TotalDays > 60)
        {
            return roll switch
            {
                < 0.86 => CaseStage.Closed,
                < 0.91 => CaseStage.Withdrawn,
                < 0.95 => CaseStage.Invalid,
                < 0.98 => CaseStage.Duplicate,
                _ => AllStages[random.Next(AllStages.Length)],
            };
        }

        return roll < 0.4 ? CaseStage.Closed : AllStages[random.Next(AllStages.Length)];
    }
}
