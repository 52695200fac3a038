using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Deadlines;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Domain.Notifications;

/// <summary>A message to the customer filled in from a template; <see cref="PromisedAt"/> is the promised completion time it states.</summary>
public sealed record CustomerMessageDraft(string Subject, string Body, DateTimeOffset? PromisedAt);

/// <summary>
/// The organisation's message templates: finds the one for a purpose, language and channel, fills it in for a
/// case (the promised date is the completion deadline the time-limit policy computed, in the organisation's time
/// zone), and saves an administrator's edits (placeholders checked, every change logged).
/// </summary>
public sealed class CustomerMessageBook(PortalDbContext db, TimeProvider time)
{
    public const string DefaultLanguage = "zh-Hans";

    /// <summary>The portal language of a UI culture: zh-Hant, zh-Hans or en.</summary>
    public static string LanguageOf(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Department.DisplayNameFor(culture, "zh-Hans", "zh-Hant", "en");
    }

    /// <summary>The template for exactly this channel, else the language's any-channel one, else the same in Simplified Chinese.</summary>
    public async Task<MessageTemplate?> FindAsync(MessageKind kind, string language, ReplyChannel? channel, CancellationToken ct = default)
    {
        var candidates = await db.MessageTemplates.AsNoTracking().Where(t => t.Kind == kind).ToListAsync(ct);
        return candidates.FirstOrDefault(t => t.Language == language && t.Channel == channel && channel != null)
            ?? candidates.FirstOrDefault(t => t.Language == language && t.Channel == null)
            ?? candidates.FirstOrDefault(t => t.Language == DefaultLanguage && t.Channel == channel && channel != null)
            ?? candidates.FirstOrDefault(t => t.Language == DefaultLanguage && t.Channel == null)
            ?? candidates.FirstOrDefault();
    }

    /// <summary>The message of <paramref name="kind"/> for a case, filled in; null when the case or a template is missing.</summary>
    /// <param name="promisedAt">The completion to promise when the person has chosen one; otherwise the case's own deadline.</param>
    public async Task<CustomerMessageDraft?> DraftAsync(string caseNumber, MessageKind kind, string language, ReplyChannel? channel, TimeZoneInfo zone,
        DateTimeOffset? promisedAt = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Tasks).FirstOrDefaultAsync(c => c.CaseNumber == caseNumber, ct);
        var template = complaint is null ? null : await FindAsync(kind, language, channel, ct);
        if (complaint is null || template is null)
        {
            return null;
        }

        var promised = promisedAt ?? (kind == MessageKind.Reply
            ? complaint.PromisedCompletionAt
            : await db.CaseDeadlines.AsNoTracking()
                .Where(d => d.ComplaintId == complaint.Id && d.DepartmentTaskId == null && d.Kind == DeadlineKind.Completion)
                .Select(d => (DateTimeOffset?)d.DueAt).FirstOrDefaultAsync(ct) ?? complaint.PromisedCompletionAt);
        var culture = CultureInfo.GetCultureInfo(template.Language);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MessagePlaceholders.CaseNumber] = complaint.CaseNumber,
            [MessagePlaceholders.PromisedDate] = promised is { } at ? FormatDate(TimeZoneInfo.ConvertTime(at, zone), template.Language) : "",
            [MessagePlaceholders.Department] = await DepartmentNamesAsync(complaint, kind, culture, ct),
            [MessagePlaceholders.CustomerName] = complaint.Complainant.Name ?? "",
        };
        return new CustomerMessageDraft(MessagePlaceholders.Fill(template.Subject, values), MessagePlaceholders.Fill(template.Body, values), promised);
    }

    /// <summary>Adds or changes a template; refused (<see cref="OrganisationError.InvalidInput"/>) with an unknown placeholder, language or an empty body.</summary>
    /// <param name="expectedVersion">
    /// The template's version the edit started from (0: adding one that did not exist): another administrator's save since is
    /// <see cref="OrganisationError.ConcurrencyConflict"/>, never overwritten. Null: whatever is there is replaced.
    /// </param>
    public async Task<OrganisationError> SaveAsync(MessageKind kind, string language, ReplyChannel? channel, string subject, string body, string by,
        int? expectedVersion = null, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(kind) || !Organisation.Setup.OrganisationSetupCheck.Languages.Contains(language) || string.IsNullOrWhiteSpace(body)
            || body.Length > MessageTemplate.BodyMaxLength || (subject ?? "").Length > MessageTemplate.SubjectMaxLength
            || MessagePlaceholders.Unknown(body + " " + subject).Count > 0)
        {
            return OrganisationError.InvalidInput;
        }

        var now = time.GetUtcNow();
        var template = await db.MessageTemplates.FirstOrDefaultAsync(t => t.Kind == kind && t.Language == language && t.Channel == channel, ct);
        if (expectedVersion is { } version && version != (template?.Version ?? 0))
        {
            return OrganisationError.ConcurrencyConflict;
        }

        if (template is null)
        {
            db.MessageTemplates.Add(new MessageTemplate(kind, language, channel, subject ?? "", body, by, now));
        }
        else
        {
            template.Change(subject ?? "", body, by, now);
        }

        db.OrganisationChanges.Add(new OrganisationChange(now, by, OrganisationSubject.MessageTemplate,
            $"{kind}/{language}/{channel?.ToString() ?? "*"}", body));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || SaveConflicts.IsLostRace(e))
        {
            // Saved (or added, for the same kind, language and channel) by another administrator in between.
            db.ChangeTracker.Clear();
            return OrganisationError.ConcurrencyConflict;
        }

        return OrganisationError.None;
    }

    /// <summary>"2026年3月9日 18:00" in Chinese, "9 March 2026 18:00" in English.</summary>
    public static string FormatDate(DateTimeOffset local, string language) => language == "en"
        ? local.ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB"))
        : local.ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    private async Task<string> DepartmentNamesAsync(Complaint complaint, MessageKind kind, CultureInfo culture, CancellationToken ct)
    {
        var ids = kind == MessageKind.Acknowledgement ? [] : complaint.Tasks.Select(t => t.DepartmentId).Distinct().ToList();
        var departments = ids.Count > 0
            ? await db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync(ct)
            : await db.Departments.AsNoTracking().Where(d => d.IsActive && d.Kind == DepartmentKind.CustomerService).OrderBy(d => d.Id).Take(1).ToListAsync(ct);
        return string.Join(culture.Name == "en" ? ", " : "、", departments.Select(d => d.DisplayName(culture)));
    }
}
