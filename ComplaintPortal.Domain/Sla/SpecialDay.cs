namespace ComplaintPortal.Domain.Sla;

/// <summary>A date, in the calendar's own time zone, that departs from the weekly pattern.</summary>
public sealed record SpecialDay(DateOnly Date, SpecialDayKind Kind, string Name);
