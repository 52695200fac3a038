namespace ComplaintPortal.Web.Features.Reports;

/// <summary>How the resolution rate reads against its target on the timeliness page.</summary>
public enum TargetReading
{
    /// <summary>No complaints in the period: no rate.</summary>
    None,
    Met,
    Missed,

    /// <summary>Below target while the period runs: its complaints are still being handled, so it is not yet a miss.</summary>
    NotYet,
}

public static class TimelinessTarget
{
    public static TargetReading Read(bool? met, bool periodOpen) => met switch
    {
        null => TargetReading.None,
        true => TargetReading.Met,
        false when periodOpen => TargetReading.NotYet,
        false => TargetReading.Missed,
    };
}
