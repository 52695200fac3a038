namespace ComplaintPortal.Domain.Sla;

/// <summary>
/// The outcome of reading a holiday CSV: either every special day (sorted by date) and no errors, or every
/// row error and no special days — an import is all or nothing, so a calendar never holds half a year.
/// </summary>
public sealed record HolidayCsvImport(IReadOnlyList<SpecialDay> SpecialDays, IReadOnlyList<HolidayCsvRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
