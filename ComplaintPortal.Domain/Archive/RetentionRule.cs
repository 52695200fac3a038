namespace ComplaintPortal.Domain.Archive;

/// <summary>
/// How long a class of files is kept (保管期限): general files N years, important ones longer. One rule per
/// complaint type; the rule without a type is the default for every type that has none.
/// </summary>
public sealed class RetentionRule
{
    public const int DefaultGeneralYears = 3;
    public const int DefaultImportantYears = 10;
    public const int MaxYears = 100;

    private RetentionRule()
    {
    }

    public RetentionRule(int? categoryId, int generalYears, int importantYears)
    {
        CategoryId = categoryId;
        GeneralYears = generalYears;
        ImportantYears = importantYears;
    }

    public int Id { get; private set; }

    /// <summary>The complaint type; null for the default rule.</summary>
    public int? CategoryId { get; private set; }

    public int GeneralYears { get; private set; }

    public int ImportantYears { get; private set; }

    /// <summary>Moves on with each saved change: two administrators' saves of the same rule cannot both land.</summary>
    public int Version { get; private set; }

    internal void Set(int generalYears, int importantYears)
    {
        GeneralYears = generalYears;
        ImportantYears = importantYears;
        Version++;
    }

    public int YearsFor(ArchiveImportance importance) => importance switch
    {
        ArchiveImportance.General => GeneralYears,
        ArchiveImportance.Important => ImportantYears,
        _ => throw new ArgumentOutOfRangeException(nameof(importance)),
    };
}

/// <summary>One change of a retention rule: who, when, from what to what. Append-only.</summary>
public sealed class RetentionRuleChange
{
    private RetentionRuleChange()
    {
    }

    public RetentionRuleChange(DateTimeOffset at, string actorUserId, string actorName, int? categoryId,
        int? oldGeneralYears, int? oldImportantYears, int newGeneralYears, int newImportantYears)
    {
        At = at;
        ActorUserId = actorUserId;
        ActorName = actorName;
        CategoryId = categoryId;
        OldGeneralYears = oldGeneralYears;
        OldImportantYears = oldImportantYears;
        NewGeneralYears = newGeneralYears;
        NewImportantYears = newImportantYears;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorUserId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public int? CategoryId { get; private set; }

    public int? OldGeneralYears { get; private set; }

    public int? OldImportantYears { get; private set; }

    public int NewGeneralYears { get; private set; }

    public int NewImportantYears { get; private set; }
}
