using System.Globalization;
using System.Text.Json.Serialization;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Reporting;

namespace ComplaintPortal.Domain.Supervision;

/// <summary>
/// The figures reward and penalty (獎懲) decisions use, for one period: per department and per handler, and
/// the spot-check results per checklist item. Rates are percentages to one decimal, null when there is
/// nothing to divide by. Published figures are stored as they were (<see cref="FiguresPublication"/>).
/// </summary>
public sealed record PeriodFigures(string PeriodKey, DateTimeOffset ComputedAt, IReadOnlyList<DepartmentFigures> Departments,
    IReadOnlyList<HandlerFigures> Handlers, IReadOnlyList<ItemTally> Items);

/// <summary>Cases closed (結案) in the period that someone took part in, and how they went.</summary>
public sealed record CaseCounts(int Handled, int OnTime, int WithCallback, int Satisfied, int Reopened)
{
    public static CaseCounts None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>投訴處理及時率: cases whose every time limit of theirs was met / cases handled.</summary>
    [JsonIgnore]
    public decimal? OnTimeRate => DepartmentTimeliness.Rate(OnTime, Handled);

    /// <summary>Satisfied at the callback / cases with a callback answer.</summary>
    [JsonIgnore]
    public decimal? SatisfactionRate => DepartmentTimeliness.Rate(Satisfied, WithCallback);

    /// <summary>Cases reopened at least once because the customer was not satisfied / cases handled.</summary>
    [JsonIgnore]
    public decimal? ReopenRate => DepartmentTimeliness.Rate(Reopened, Handled);
}

/// <summary>Spot-check results of one checklist item (by its stable code); not-applicable results do not count in the rate.</summary>
public sealed record ItemTally(string ItemCode, string TextZhHans, string TextZhHant, string TextEn, int Passed, int Failed, int NotApplicable)
{
    [JsonIgnore]
    public decimal? PassRate => DepartmentTimeliness.Rate(Passed, Passed + Failed);

    public string DisplayText(CultureInfo culture) => Department.DisplayNameFor(culture, TextZhHans, TextZhHant, TextEn);
}

public sealed record NoticeCounts(int Issued, int Closed, int Overdue)
{
    public static NoticeCounts None { get; } = new(0, 0, 0);
}

public sealed record DepartmentFigures(int DepartmentId, CaseCounts Cases, IReadOnlyList<ItemTally> Items, NoticeCounts Notices)
{
    /// <summary>All items together: passed / (passed + failed).</summary>
    [JsonIgnore]
    public decimal? CheckPassRate => DepartmentTimeliness.Rate(Items.Sum(i => i.Passed), Items.Sum(i => i.Passed + i.Failed));
}

public sealed record HandlerFigures(string UserId, string Name, int DepartmentId, CaseCounts Cases);
