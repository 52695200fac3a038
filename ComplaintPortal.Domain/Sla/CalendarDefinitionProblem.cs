namespace ComplaintPortal.Domain.Sla;

/// <summary>One problem found in a calendar definition; <see cref="Detail"/> is for developers and logs, callers localize the code.</summary>
public sealed record CalendarDefinitionProblem(CalendarDefinitionProblemCode Code, string Detail);
