namespace ComplaintPortal.Domain.Sla;

/// <param name="LineNumber">1-based line in the file; 0 for problems with the file as a whole.</param>
/// <param name="Text">The offending field when one is at fault, otherwise the whole line.</param>
public sealed record HolidayCsvRowError(int LineNumber, HolidayCsvErrorCode Code, string Text);
