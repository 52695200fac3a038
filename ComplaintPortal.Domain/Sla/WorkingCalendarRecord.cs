using System.Linq.Expressions;
using System.Text.Json;

namespace ComplaintPortal.Domain.Sla;

/// <summary>
/// A stored, editable working calendar. The whole <see cref="WorkingCalendarDefinition"/> is kept as one
/// JSON document: it is always read and replaced as a whole and never queried by its parts.
/// <see cref="Stamp"/> changes on every edit, so compiled copies (<see cref="WorkingCalendarCache"/>) know
/// they are stale, and two administrators saving at once conflict instead of overwriting each other.
/// </summary>
public sealed class WorkingCalendarRecord
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private WorkingCalendarRecord()
    {
    }

    public WorkingCalendarRecord(WorkingCalendarDefinition definition, string changedBy, DateTimeOffset changedAt)
    {
        Code = definition.Code;
        Replace(definition, changedBy, changedAt);
        // A new calendar has no deadlines counted on it yet, so nothing to re-compute.
        RecomputedStamp = Stamp;
    }

    public int Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string DefinitionJson { get; private set; } = "{}";

    public Guid Stamp { get; private set; }

    public string ChangedBy { get; private set; } = "";

    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>
    /// The <see cref="Stamp"/> whose provisional deadlines were last re-computed. Every save makes a new stamp, so a
    /// calendar whose two stamps differ still has its provisional deadlines to re-compute
    /// (<see cref="Deadlines.ProvisionalDeadlines.RecomputePendingAsync"/>), even after a restart.
    /// </summary>
    public Guid? RecomputedStamp { get; private set; }

    /// <summary>Calendars saved since their provisional deadlines were last re-computed (a query term).</summary>
    public static Expression<Func<WorkingCalendarRecord, bool>> AwaitingRecomputation { get; } =
        c => c.RecomputedStamp == null || c.RecomputedStamp != c.Stamp;

    public WorkingCalendarDefinition Definition =>
        JsonSerializer.Deserialize<WorkingCalendarDefinition>(DefinitionJson, Json)
        ?? throw new InvalidOperationException($"Calendar {Code} has no definition.");

    /// <summary>Replaces the definition (the code never changes); throws when it would not compile.</summary>
    public void Replace(WorkingCalendarDefinition definition, string changedBy, DateTimeOffset changedAt)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = definition.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidWorkingCalendarException(definition.Code, problems);
        }

        var kept = definition with { Code = Code };
        Name = kept.Name;
        DefinitionJson = JsonSerializer.Serialize(kept, Json);
        Stamp = Guid.NewGuid();
        ChangedBy = changedBy;
        ChangedAt = changedAt;
    }
}
