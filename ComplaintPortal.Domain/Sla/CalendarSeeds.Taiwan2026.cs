namespace ComplaintPortal.Domain.Sla;

public static partial class CalendarSeeds
{
    /// <summary>Taiwan, Monday–Friday 08:30–12:30 and 13:30–17:30 (Asia/Taipei), with the 2026 (民國115年) holidays.</summary>
    /// <remarks>
    /// Source: 中華民國115年(西元2026年)政府行政機關辦公日曆表, approved by the Executive Yuan on 13 June 2025
    /// (院授人培字第11430248312號函) and published by its Directorate-General of Personnel Administration
    /// (人事行政總處): 120 days off in 2026. Under 紀念日及節日實施條例 art. 8 and the amended
    /// 政府機關配合紀念日與節日補假及調整放假處理要點, a holiday on a Saturday is made up (補假) on the
    /// previous working day and one on a Sunday on the next; 2026 has no make-up working days (補行上班).
    /// Weekend holidays are listed too, so the calendar can name them.
    /// </remarks>
    public static WorkingCalendarDefinition Taiwan2026 { get; } = new()
    {
        Code = "TW",
        Name = "臺灣工作日曆",
        TimeZoneId = "Asia/Taipei",
        WeeklyPeriods = MondayToFriday((new(8, 30), new(12, 30)), (new(13, 30), new(17, 30))),
        // The notice itself says 2026 has no make-up working days, so the year is complete as entered.
        ConfirmedYears = [2026],
        SpecialDays =
        [
            DayOff("中華民國開國紀念日", new(2026, 1, 1)),
            DayOff("除夕前一日", new(2026, 2, 15)),
            DayOff("農曆除夕", new(2026, 2, 16)),
            .. DaysOff("春節", new(2026, 2, 17), new(2026, 2, 19)),
            DayOff("除夕前一日補假", new(2026, 2, 20)),
            DayOff("和平紀念日補假", new(2026, 2, 27)),
            DayOff("和平紀念日", new(2026, 2, 28)),
            DayOff("兒童節補假", new(2026, 4, 3)),
            DayOff("兒童節", new(2026, 4, 4)),
            DayOff("民族掃墓節", new(2026, 4, 5)),
            DayOff("民族掃墓節補假", new(2026, 4, 6)),
            DayOff("勞動節", new(2026, 5, 1)),
            DayOff("端午節", new(2026, 6, 19)),
            DayOff("中秋節", new(2026, 9, 25)),
            DayOff("孔子誕辰紀念日/教師節", new(2026, 9, 28)),
            DayOff("國慶日補假", new(2026, 10, 9)),
            DayOff("國慶日", new(2026, 10, 10)),
            DayOff("臺灣光復暨金門古寧頭大捷紀念日", new(2026, 10, 25)),
            DayOff("臺灣光復暨金門古寧頭大捷紀念日補假", new(2026, 10, 26)),
            DayOff("行憲紀念日", new(2026, 12, 25)),
        ],
    };
}
