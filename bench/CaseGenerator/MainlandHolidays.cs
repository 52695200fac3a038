using System.Text;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;

namespace CaseGenerator;

/// <summary>
/// The mainland's 2024 and 2025 holidays and make-up working days, entered through the administrators' CSV import
/// before any case is made, so that deadlines in the generated 24 months are final rather than provisional (the
/// seeded calendar knows 2026 only). Sources: 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号) and
/// 关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号).
/// </summary>
internal static class MainlandHolidays
{
    private const string Year2024 = """
        date,kind,name
        2024-01-01,off,元旦
        2024-02-04,work,春节调休上班
        2024-02-10,off,春节
        2024-02-11,off,春节
        2024-02-12,off,春节
        2024-02-13,off,春节
        2024-02-14,off,春节
        2024-02-15,off,春节
        2024-02-16,off,春节
        2024-02-17,off,春节
        2024-02-18,work,春节调休上班
        2024-04-04,off,清明节
        2024-04-05,off,清明节
        2024-04-06,off,清明节
        2024-04-07,work,清明节调休上班
        2024-04-28,work,劳动节调休上班
        2024-05-01,off,劳动节
        2024-05-02,off,劳动节
        2024-05-03,off,劳动节
        2024-05-04,off,劳动节
        2024-05-05,off,劳动节
        2024-05-11,work,劳动节调休上班
        2024-06-10,off,端午节
        2024-09-14,work,中秋节调休上班
        2024-09-15,off,中秋节
        2024-09-16,off,中秋节
        2024-09-17,off,中秋节
        2024-09-29,work,国庆节调休上班
        2024-10-01,off,国庆节
        2024-10-02,off,国庆节
        2024-10-03,off,国庆节
        2024-10-04,off,国庆节
        2024-10-05,off,国庆节
        2024-10-06,off,国庆节
        2024-10-07,off,国庆节
        2024-10-12,work,国庆节调休上班
        """;

    private const string Year2025 = """
        date,kind,name
        2025-01-01,off,元旦
        2025-01-26,work,春节调休上班
        2025-01-28,off,春节
        2025-01-29,off,春节
        2025-01-30,off,春节
        2025-01-31,off,春节
        2025-02-01,off,春节
        2025-02-02,off,春节
        2025-02-03,off,春节
        2025-02-04,off,春节
        2025-02-08,work,春节调休上班
        2025-04-04,off,清明节
        2025-04-05,off,清明节
        2025-04-06,off,清明节
        2025-04-27,work,劳动节调休上班
        2025-05-01,off,劳动节
        2025-05-02,off,劳动节
        2025-05-03,off,劳动节
        2025-05-04,off,劳动节
        2025-05-05,off,劳动节
        2025-05-31,off,端午节
        2025-06-01,off,端午节
        2025-06-02,off,端午节
        2025-09-28,work,国庆节调休上班
        2025-10-01,off,国庆节、中秋节
        2025-10-02,off,国庆节、中秋节
        2025-10-03,off,国庆节、中秋节
        2025-10-04,off,国庆节、中秋节
        2025-10-05,off,国庆节、中秋节
        2025-10-06,off,国庆节、中秋节
        2025-10-07,off,国庆节、中秋节
        2025-10-08,off,国庆节、中秋节
        2025-10-11,work,国庆节调休上班
        """;

    /// <summary>Imports each year the mainland calendar does not know yet; returns the years imported.</summary>
    public static async Task<IReadOnlyList<int>> EnterAsync(PortalDbContext db, DateTimeOffset now)
    {
        var book = new WorkingCalendarBook(db, WorkingCalendarCache.Shared);
        var imported = new List<int>();
        foreach (var (year, csv) in new[] { (2024, Year2024), (2025, Year2025) })
        {
            var calendar = await WorkingCalendarCache.Shared.GetAsync(db, CalendarSeeds.ChinaMainland2026.Code);
            if (calendar.StatusOf(year) != CalendarYearStatus.NoHolidays)
            {
                continue;
            }

            var result = await book.ImportHolidaysAsync(CalendarSeeds.ChinaMainland2026.Code, year, Encoding.UTF8.GetBytes(csv), "generator", now);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The {year} holidays were refused: {result.Problems.Count} problems, {result.CsvErrors.Count} CSV errors.");
            }

            imported.Add(year);
        }

        return imported;
    }
}
