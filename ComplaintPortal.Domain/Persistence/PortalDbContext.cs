using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Ledger;
using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Privacy;
using ComplaintPortal.Domain.Reporting;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Domain.Supervision;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Persistence;

/// <summary>
/// The one shared record: accounts, organisation and (in later features) cases, ledger and archive.
/// Each database provider has a derived type so that each keeps its own migration set.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options)
    : IdentityDbContext<PortalUser, IdentityRole, string>(options)
{
    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<DepartmentTask> DepartmentTasks => Set<DepartmentTask>();

    public DbSet<Evidence> Evidence => Set<Evidence>();

    /// <summary>Searches people keep under a name of their own (see <see cref="SavedSearch"/>).</summary>
    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();

    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();

    public DbSet<LedgerEvent> LedgerEvents => Set<LedgerEvent>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationRead> NotificationReads => Set<NotificationRead>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<WorkingCalendarRecord> WorkingCalendars => Set<WorkingCalendarRecord>();

    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();

    public DbSet<SlaPolicyChange> SlaPolicyChanges => Set<SlaPolicyChange>();

    public DbSet<CaseDeadline> CaseDeadlines => Set<CaseDeadline>();

    public DbSet<DeadlineTransition> DeadlineTransitions => Set<DeadlineTransition>();

    /// <summary>The web host's data-protection key ring (see <see cref="KeyRingEntry"/>).</summary>
    public DbSet<KeyRingEntry> KeyRing => Set<KeyRingEntry>();

    public DbSet<ChecklistTemplate> ChecklistTemplates => Set<ChecklistTemplate>();

    public DbSet<ChecklistVersion> ChecklistVersions => Set<ChecklistVersion>();

    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();

    public DbSet<SampleDraw> SampleDraws => Set<SampleDraw>();

    public DbSet<SampledCase> SampledCases => Set<SampledCase>();

    public DbSet<CheckResult> CheckResults => Set<CheckResult>();

    public DbSet<RectificationNotice> RectificationNotices => Set<RectificationNotice>();

    public DbSet<FiguresPublication> FiguresPublications => Set<FiguresPublication>();

    public DbSet<SupervisionLogEntry> SupervisionLog => Set<SupervisionLogEntry>();

    public DbSet<NoticeEvidence> NoticeEvidence => Set<NoticeEvidence>();

    public DbSet<PersonalDataView> PersonalDataViews => Set<PersonalDataView>();

    public DbSet<ArchivedFile> ArchivedFiles => Set<ArchivedFile>();

    public DbSet<ArchiveFileVersion> ArchiveFileVersions => Set<ArchiveFileVersion>();

    public DbSet<ArchiveNumberCounter> ArchiveNumberCounters => Set<ArchiveNumberCounter>();

    public DbSet<ArchiveAccessRequest> ArchiveAccessRequests => Set<ArchiveAccessRequest>();

    public DbSet<ArchiveAccessLogEntry> ArchiveAccessLog => Set<ArchiveAccessLogEntry>();

    public DbSet<RetentionRule> RetentionRules => Set<RetentionRule>();

    public DbSet<RetentionRuleChange> RetentionRuleChanges => Set<RetentionRuleChange>();

    public DbSet<ArchiveDisposal> ArchiveDisposals => Set<ArchiveDisposal>();

    public DbSet<ArchiveInspection> ArchiveInspections => Set<ArchiveInspection>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<OrganisationChange> OrganisationChanges => Set<OrganisationChange>();

    public DbSet<OrganisationProfile> OrganisationProfiles => Set<OrganisationProfile>();

    public DbSet<SolutionType> SolutionTypes => Set<SolutionType>();

    public DbSet<CauseCategory> CauseCategories => Set<CauseCategory>();

    /// <summary>Improvement and prevention actions raised from the statistics' hot spots (<see cref="ImprovementAction"/>).</summary>
    public DbSet<ImprovementAction> ImprovementActions => Set<ImprovementAction>();

    public DbSet<ImprovementLogEntry> ImprovementLog => Set<ImprovementLogEntry>();

    public DbSet<RepairCategory> RepairCategories => Set<RepairCategory>();

    public DbSet<MessageTemplate> MessageTemplates => Set<MessageTemplate>();

    /// <summary>Which instance runs a background job, and how far it is (see <see cref="JobLease"/>).</summary>
    public DbSet<JobLease> JobLeases => Set<JobLease>();

    /// <summary>Changes one instance tells the others, for their live pages (see <see cref="InstanceSignal"/>).</summary>
    public DbSet<InstanceSignal> InstanceSignals => Set<InstanceSignal>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}

/// <summary>The embedded default: a SQLite file.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no native instant type; storing UTC instants as a sortable integer keeps
        // ordering and range filters in SQL (all instants in the portal are UTC).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Production: SQL Server.</summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // A kept statistics key is a spelling as typed: "XP-200" and "xp-200" are two spellings of one product, told apart by
        // the database's grouping as SQLite's does (SQL Server's usual collation would fold them into one).
        modelBuilder.Entity<Reporting.StatisticsCount>().Property(c => c.Key).UseCollation("Latin1_General_100_BIN2");
    }
}
