namespace ComplaintPortal.Domain.Reporting;

/// <summary>
/// Whether the kept statistics count a complaint as a repeat call (its phone complained earlier): one row per counted
/// complaint, so that a later change subtracts what was counted rather than what the phone's calls say now. Two saves of
/// one phone at the same moment each read the phone's calls before the other is stored; a recheck under the write lock
/// (<see cref="StatisticsCounts.RecheckCallersAsync"/>) then finds the answers that differ from the stored calls and
/// corrects the counts.
/// </summary>
public sealed class StatisticsCallerAnswer
{
    public int ComplaintId { get; internal set; }

    public bool Repeat { get; internal set; }
}

/// <summary>A phone whose calls a save counted, to be checked again against the stored calls (<see cref="StatisticsCounts.RecheckCallersAsync"/>).</summary>
public sealed class StatisticsCallerCheck
{
    public long Id { get; private set; }

    public string PhoneKey { get; internal set; } = "";
}
