namespace ComplaintPortal.Domain.Sla;

/// <summary>
/// How a target given in working days is read. Stored by name: never rename one. Targets given in hours
/// are always elapsed working time, whatever this says.
/// </summary>
public enum DayCounting
{
    /// <summary>
    /// "N 個工作日內" as Chinese administrative practice counts it: whole working days starting with the first
    /// working day after the day of receipt, due at the close of the Nth of them (the end of its last working
    /// period), so the receipt day never counts, however early the complaint came in.
    /// </summary>
    WholeDays = 0,

    /// <summary>
    /// The same clock time N working days later: N standard working days of elapsed working time, as
    /// business-hours tools count (received 16:00, 1 day → 16:00 on the next working day).
    /// </summary>
    SameClockTime = 1,
}
