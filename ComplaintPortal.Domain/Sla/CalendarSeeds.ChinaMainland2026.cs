namespace ComplaintPortal.Domain.Sla;

public static partial class CalendarSeeds
{
    /// <summary>Mainland China, Monday–Friday 09:00–12:00 and 13:30–18:00 (Asia/Shanghai), with the 2026 holidays.</summary>
    /// <remarks>
    /// Source: 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号), issued by the General Office
    /// of the State Council on 4 November 2025 and published by Xinhua the same day. Weekend dates marked
    /// 上班 in the notice are make-up working days, worked like a Monday.
    /// </remarks>
    public static WorkingCalendarDefinition ChinaMainland2026 { get; } = new()
    {
        Code = "CN",
        Name = "中国大陆工作日历",
        TimeZoneId = "Asia/Shanghai",
        WeeklyPeriods = MondayToFriday((new(9, 0), new(12, 0)), (new(13, 30), new(18, 0))),
        SpecialDays =
        [
            .. DaysOff("元旦", new(2026, 1, 1), new(2026, 1, 3)),
            WorkingDay("元旦调休上班", new(2026, 1, 4)),
            WorkingDay("春节调休上班", new(2026, 2, 14)),
            .. DaysOff("春节", new(2026, 2, 15), new(2026, 2, 23)),
            WorkingDay("春节调休上班", new(2026, 2, 28)),
            .. DaysOff("清明节", new(2026, 4, 4), new(2026, 4, 6)),
            .. DaysOff("劳动节", new(2026, 5, 1), new(2026, 5, 5)),
            WorkingDay("劳动节调休上班", new(2026, 5, 9)),
            .. DaysOff("端午节", new(2026, 6, 19), new(2026, 6, 21)),
            WorkingDay("国庆节调休上班", new(2026, 9, 20)),
            .. DaysOff("中秋节", new(2026, 9, 25), new(2026, 9, 27)),
            .. DaysOff("国庆节", new(2026, 10, 1), new(2026, 10, 7)),
            WorkingDay("国庆节调休上班", new(2026, 10, 10)),
        ],
    };
}
