namespace ComplaintPortal.Domain.Archive;

public enum ArchiveChangeKind
{
    Archived = 0,
    RequestFiled = 1,
    RequestDecided = 2,

    /// <summary>Access ended early: revoked, or the return recorded. Open views of the request must close.</summary>
    AccessEnded = 3,
    DisposalsListed = 4,
    DisposalDecided = 5,
    Inspected = 6,
    FileMarked = 7,
}

/// <param name="RequestId">The access request concerned, if any.</param>
/// <param name="FromElsewhere">Made through another instance of the portal and relayed here (not to be relayed again).</param>
public sealed record ArchiveChange(ArchiveChangeKind Kind, int? RequestId = null, bool FromElsewhere = false);

/// <summary>
/// The archive's in-process signal (one per instance, a singleton): every committed archive change is
/// published here and the open pages that show it (the clerk's desk, the approval queue, an open file view)
/// re-read or close. Subscribers must unsubscribe when disposed.
/// </summary>
public sealed class ArchiveFeed
{
    public event Action<ArchiveChange>? Changed;

    public void Publish(ArchiveChange change) => Changed?.Invoke(change);
}

/// <summary>How far a long archive job is: <paramref name="Done"/> files, of <paramref name="Total"/> when it is known.</summary>
public sealed record ArchiveJobProgress(int Done, int? Total);

/// <summary>The archive's settings (configuration section <c>Archive</c>).</summary>
public sealed class ArchiveOptions
{
    public const string SectionName = "Archive";

    /// <summary>How long a case stays at its final stage before it is archived (a late callback may still reopen it).</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the archiver looks for cases to archive.</summary>
    public TimeSpan ArchiveInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often files past retention are listed for disposal (monthly).</summary>
    public TimeSpan DisposalListInterval { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often every archived file is re-verified.</summary>
    public TimeSpan InspectionInterval { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long after start-up the jobs wait before their first pass (archiving, disposal list, inspection): start-up stays light.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The background jobs run (off in tests that drive them by hand).</summary>
    public bool JobsEnabled { get; set; } = true;

    /// <summary>How often readers whose days granted have run out are looked for, to be asked to confirm finishing (<see cref="ArchiveLoanMonitor"/>).</summary>
    public TimeSpan LoanReminderInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long an instance holds the archive's jobs without renewing (<see cref="Persistence.JobLease"/>). It renews every
    /// <see cref="LeaseInterval"/> while a job runs; if it dies, another instance may take the jobs over once this has run out.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often a running job renews its lease and records how far it is (what other instances' desks show), and how
    /// often a job asked for at a desk looks again whether another instance's job is over.
    /// </summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Cases archived per transaction.</summary>
    public int BatchSize { get; set; } = 200;
}
