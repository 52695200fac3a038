using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Web.Features.Admin.TimeLimits;

public sealed partial class SlaPolicies
{
    private IReadOnlyList<SlaPolicy> policies = [];
    private IReadOnlyList<SlaPolicyChange> changes = [];
    private List<Category> categories = [];
    private IReadOnlyList<WorkingCalendarRecord> calendars = [];
    private string? status;
    private bool isError;

    [Inject]
    private SlaPolicyBook Book { get; set; } = default!;

    [Inject]
    private WorkingCalendarBook Calendars { get; set; } = default!;

    [Inject]
    private PortalDbContext Db { get; set; } = default!;

    [Inject]
    private UserManager<PortalUser> Users { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "edit")]
    private int? EditId { get; set; }

    [SupplyParameterFromForm(FormName = "save-policy")]
    private PolicyForm Input { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        if (Input is null)
        {
            var editing = policies.FirstOrDefault(p => p.Id == EditId);
            Input = editing is not null
                ? PolicyForm.From(editing)
                : new PolicyForm
                {
                    CalendarCode = CalendarSeeds.ChinaMainland2026.Code,
                    FirstResponseAmount = 1,
                    FirstResponseUnit = SlaTargetUnit.Days,
                    SolutionPlanAmount = 3,
                    SolutionPlanUnit = SlaTargetUnit.Days,
                    CompletionAmount = 7,
                    CompletionUnit = SlaTargetUnit.Days,
                };
        }
    }

    private async Task LoadAsync()
    {
        policies = await Book.ListAsync();
        changes = await Book.ChangesAsync(50);
        calendars = await Calendars.ListAsync();
        categories = await Db.Categories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync();
    }

    private async Task SaveAsync()
    {
        var existing = policies.FirstOrDefault(p => p.Id == Input.PolicyId);
        if (Input.PolicyId is not null && existing is null)
        {
            (status, isError) = (UiText.Common_NotFound, true);
            return;
        }

        if (existing is not null)
        {
            // Disabled selects are not posted: an existing policy keeps its priority and category.
            (Input.Priority, Input.CategoryId) = (existing.Priority, existing.CategoryId);
        }

        var values = Input.ToValues();
        var result = values is null
            ? SlaPolicySaveResult.Invalid
            : await Book.SaveAsync(Input.PolicyId, values, Users.GetUserId(HttpContext.User) ?? "", HttpContext.User.Identity?.Name ?? "", Time.GetUtcNow());
        (status, isError) = result switch
        {
            SlaPolicySaveResult.Saved => (DeadlineText.Policies_Saved, false),
            SlaPolicySaveResult.Invalid => (DeadlineText.Policies_Invalid, true),
            SlaPolicySaveResult.UnknownCalendar => (DeadlineText.Policies_UnknownCalendar, true),
            SlaPolicySaveResult.AlreadyExists => (DeadlineText.Policies_AlreadyExists, true),
            SlaPolicySaveResult.FirstResponseAfterSolutionPlan => (DeadlineText.Policies_FirstResponseAfterSolutionPlan, true),
            SlaPolicySaveResult.SolutionPlanAfterCompletion => (DeadlineText.Policies_SolutionPlanAfterCompletion, true),
            _ => throw new InvalidOperationException($"Unknown result {result}."),
        };
        await LoadAsync();
    }

    private string CategoryName(int? id) =>
        id is null ? DeadlineText.Policies_AllCategories
            : categories.FirstOrDefault(c => c.Id == id)?.DisplayName(CultureInfo.CurrentUICulture) ?? id.Value.ToString(CultureInfo.CurrentCulture);

    private string PolicyLabel(int policyId) =>
        policies.FirstOrDefault(p => p.Id == policyId) is { } p ? PolicyForm.PriorityName(p.Priority) + " · " + CategoryName(p.CategoryId) : "";
}
