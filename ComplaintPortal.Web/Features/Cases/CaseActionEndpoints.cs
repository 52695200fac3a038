using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Cases;

/// <summary>Who may open a case at all: the domain's one rule (<see cref="CaseVisibility"/>).</summary>
public static class CaseAccess
{
    public static bool MaySee(Complaint complaint, ActingUser user) => CaseVisibility.MaySee(complaint, user);
}

/// <summary>
/// The case page's action forms post here (post/redirect/get): one endpoint for every workflow step,
/// so a reload never repeats an action and the version field catches a stale page.
/// </summary>
internal static class CaseActionEndpoints
{
    public static IEndpointRouteBuilder MapCaseActionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Any portal role may try; the workflow table and CaseAccess decide per case.
        var anyRole = new AuthorizeAttribute { Roles = PortalRoles.AnyRole };
        endpoints.MapPost("/cases/{number}/act", ActAsync).RequireAuthorization(anyRole);
        endpoints.MapGet("/cases/{number}/evidence/{evidenceId}", DownloadAsync).RequireAuthorization(anyRole);
        return endpoints;
    }

    public static string CasePath(string number) => "/cases/" + Uri.EscapeDataString(number);

    private static async Task<Results<RedirectHttpResult, NotFound, ForbidHttpResult>> ActAsync(
        string number, IFormCollection form, HttpContext http, CaseUsers users, PortalDbContext db, ComplaintWorkflow workflow,
        EvidenceStore store, OrganisationClock clock, CancellationToken ct)
    {
        var user = await users.FindAsync(http.User, ct);
        if (user is null)
        {
            return TypedResults.Forbid();
        }

        // A case the user may not see answers exactly as one that does not exist.
        var id = await db.Complaints.AsNoTracking().Where(c => c.CaseNumber == number).Where(CaseVisibility.For(user))
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return TypedResults.NotFound();
        }

        if (!Enum.TryParse<WorkflowAction>(form["action"], out var action) || !Enum.IsDefined(action)
            || !int.TryParse(form["version"], CultureInfo.InvariantCulture, out var version))
        {
            return Back(number, "error", nameof(WorkflowError.InputRequired));
        }

        var input = ReadInput(form, clock);
        if (action == WorkflowAction.AttachEvidence)
        {
            var file = form.Files.GetFile("file");
            var type = file is null ? null : EvidencePolicy.ContentTypeFor(file.FileName, file.Length);
            if (file is null || type is null)
            {
                return Back(number, "error", nameof(WorkflowError.InputRequired));
            }

            await using var content = file.OpenReadStream();
            var saved = await store.SaveAsync(content, ct);
            input = input with { Evidence = new(Path.GetFileName(file.FileName), type, saved.Size, saved.StoredName, saved.Sha256) };
        }

        var result = await workflow.ExecuteAsync(id.Value, version, action, input, user, ct);
        if (!result.Succeeded && input.Evidence is { } orphan)
        {
            store.Discard(orphan.StoredName);
        }

        if (result.Refused is { } refused)
        {
            // The page names the field and the problem (CaseLabels.Refused); the limit follows from the field.
            return TypedResults.Redirect($"{CasePath(number)}?error={result.Error}&field={Uri.EscapeDataString(refused.Field)}&problem={refused.Problem}");
        }

        return result.Succeeded ? Back(number, "done", action.ToString()) : Back(number, "error", result.Error.ToString());
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(
        string number, string evidenceId, HttpContext http, CaseUsers users, PortalDbContext db, EvidenceStore store, CancellationToken ct)
    {
        var user = await users.FindAsync(http.User, ct);
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Tasks).Include(c => c.Evidence).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.CaseNumber == number, ct);
        var item = int.TryParse(evidenceId, CultureInfo.InvariantCulture, out var itemId) ? complaint?.Evidence.FirstOrDefault(e => e.Id == itemId) : null;
        // Forbidden answers exactly as missing, so the address tells nobody that the file exists.
        if (complaint is null || item is null || user is null || !CaseAccess.MaySee(complaint, user))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(store.Open(item.StoredName), item.ContentType, item.FileName);
    }

    private static RedirectHttpResult Back(string number, string key, string value) =>
        TypedResults.Redirect($"{CasePath(number)}?{key}={Uri.EscapeDataString(value)}");

    private static WorkflowInput ReadInput(IFormCollection form, OrganisationClock clock) => new()
    {
        TaskId = Int(form["taskId"]),
        Note = Text(form["note"]),
        CategoryId = Int(form["categoryId"]),
        Severity = Enum.TryParse<Severity>(form["severity"], out var severity) ? severity : null,
        Urgency = Enum.TryParse<Urgency>(form["urgency"], out var urgency) ? urgency : null,
        DepartmentIds = form["departmentIds"].Select(Int).OfType<int>().ToList(),
        Deadline = Instant(form["deadline"], clock),
        PromisedCompletionAt = Instant(form["promisedCompletionAt"], clock),
        AssigneeUserId = Text(form["assigneeUserId"]),
        RootCause = Text(form["rootCause"]),
        ResponsiblePerson = Text(form["responsiblePerson"]),
        DueDate = DateOnly.TryParseExact(form["dueDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : null,
        ReplyChannel = Enum.TryParse<ReplyChannel>(form["replyChannel"], out var reply) ? reply : null,
        SatisfiedWithAttitude = form["attitude"].ToString() switch { "true" => true, "false" => false, _ => null },
        DuplicateOfCaseNumber = Text(form["duplicateOf"]),
    };

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int? Int(string? value) => int.TryParse(value, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A datetime-local value is wall-clock time in the organisation's zone.</summary>
    public static DateTimeOffset? Instant(string? value, OrganisationClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var offset = clock.TimeZone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToUniversalTime();
    }
}
