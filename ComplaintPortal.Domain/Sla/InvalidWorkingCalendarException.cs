namespace ComplaintPortal.Domain.Sla;

/// <summary>Thrown when a calendar is compiled from a definition that fails validation.</summary>
public sealed class InvalidWorkingCalendarException : Exception
{
    public InvalidWorkingCalendarException(string calendarCode, IReadOnlyList<CalendarDefinitionProblem> problems)
        : base($"Working calendar '{calendarCode}' is invalid: " + string.Join("; ", problems.Select(p => p.Detail)))
    {
        Problems = problems;
    }

    public IReadOnlyList<CalendarDefinitionProblem> Problems { get; }
}
