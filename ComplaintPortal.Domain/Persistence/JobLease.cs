namespace ComplaintPortal.Domain.Persistence;

/// <summary>
/// Who runs a background job across every instance of a deployment, and how far it is. One row per job name; an instance
/// holds it for a short while (<see cref="ExpiresAt"/>) and renews it while it works, so an instance that dies gives the
/// job up by itself. Other instances read the row to wait, and their pages read it to show the job's progress.
/// </summary>
public sealed class JobLease
{
    private JobLease()
    {
        Name = string.Empty;
    }

    internal JobLease(string name)
    {
        Name = name;
    }

    public string Name { get; private set; }

    /// <summary>The instance that holds the job (<see cref="JobLeases"/>' holder); null while nobody runs it.</summary>
    public string? Holder { get; private set; }

    /// <summary>Which of the job's kinds runs (for the archive: archiving, listing or inspecting).</summary>
    public string? Work { get; private set; }

    /// <summary>The person who started it; null for a scheduled pass.</summary>
    public string? StartedBy { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>Until when the holder has it unless it renews it.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>How far it is, as of its holder's last renewal.</summary>
    public int Done { get; private set; }

    /// <summary>What it will go through, when known.</summary>
    public int? Total { get; private set; }
}
