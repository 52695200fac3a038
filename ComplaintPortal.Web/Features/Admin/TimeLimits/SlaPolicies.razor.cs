using System.Globalization;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Admin.TimeLimits;

public sealed partial class SlaPolicies
{
    private static readonly int[] PageSizes = [10, 25, 50];

    private MudDataGrid<SlaPolicy> policyGrid = default!;
    private MudDataGrid<SlaPolicyChange> logGrid = default!;
    private IReadOnlyList<SlaPolicy> policies = [];

    // Whether each grid has read a page: until then its pager gives no count.
    private bool policiesRead;
    private bool changesRead;
    private List<Category> categories = [];
    private IReadOnlyList<WorkingCalendarRecord> calendars = [];

    [Inject]
    private IDialogService DialogService { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        categories = await InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Categories.AsNoTracking()
            .Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync());
        calendars = await InScopeAsync(sp => sp.GetRequiredService<WorkingCalendarBook>().ListAsync());
    }

    // A handful of policies (two priorities and the overrides): paged here on the server.
    private async Task<GridData<SlaPolicy>> LoadPoliciesAsync(GridState<SlaPolicy> state, CancellationToken cancellationToken)
    {
        policies = await InScopeAsync(sp => sp.GetRequiredService<SlaPolicyBook>().ListAsync(cancellationToken));
        policiesRead = true;
        return new GridData<SlaPolicy> { Items = policies.Skip(state.Page * state.PageSize).Take(state.PageSize).ToList(), TotalItems = policies.Count };
    }

    private async Task<GridData<SlaPolicyChange>> LoadChangesAsync(GridState<SlaPolicyChange> state, CancellationToken cancellationToken)
    {
        var (changes, total, people) = await InScopeAsync(async sp =>
        {
            var (page, count) = await sp.GetRequiredService<SlaPolicyBook>().ChangesPageAsync(state.Page * state.PageSize, state.PageSize, cancellationToken);
            return (page, count, await Organisation.OrganisationChangeText.PeopleAsync(sp.GetRequiredService<PortalDbContext>(),
                page.Select(c => c.ChangedByUserId), cancellationToken));
        });
        changers = people;
        changesRead = true;
        return new GridData<SlaPolicyChange> { Items = changes, TotalItems = total };
    }

    private async Task EditAsync(SlaPolicy? policy)
    {
        var input = policy is not null
            ? PolicyForm.From(policy)
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
        var parameters = new DialogParameters<PolicyDialog>
        {
            { d => d.Input, input },
            { d => d.Categories, categories },
            { d => d.Calendars, calendars },
            { d => d.Save, SaveAsync },
        };
        var title = policy is null ? DeadlineText.Policies_NewOverride : DeadlineText.Policies_EditTitle;
        var dialog = await DialogService.ShowAsync<PolicyDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(DeadlineText.Policies_Saved, MudBlazor.Severity.Success);
            await policyGrid.ReloadServerData();
            await logGrid.ReloadServerData();
        }
    }

    /// <summary>Saves as the signed-in administrator; an existing policy keeps its priority and category.</summary>
    private async Task<SlaPolicySaveResult> SaveAsync(PolicyForm input)
    {
        if (input.PolicyId is { } id && policies.FirstOrDefault(p => p.Id == id) is { } existing)
        {
            (input.Priority, input.CategoryId) = (existing.Priority, existing.CategoryId);
        }

        if (input.ToValues() is not { } values)
        {
            return SlaPolicySaveResult.Invalid;
        }

        var principal = await PrincipalAsync();
        var now = Time.GetUtcNow();
        return await InScopeAsync(sp => sp.GetRequiredService<SlaPolicyBook>().SaveAsync(input.PolicyId, values,
            sp.GetRequiredService<UserManager<PortalUser>>().GetUserId(principal) ?? "", principal.Identity?.Name ?? "", now));
    }

    private string CategoryName(int? id) =>
        id is null ? DeadlineText.Policies_AllCategories
            : categories.FirstOrDefault(c => c.Id == id)?.DisplayName(CultureInfo.CurrentUICulture) ?? id.Value.ToString(CultureInfo.CurrentCulture);

    /// <summary>A calendar by its name, as the calendars page shows it; a code no longer on the list as it is.</summary>
    private string CalendarName(string code) => calendars.FirstOrDefault(c => c.Code == code) is { Name.Length: > 0 } c ? c.Name : code;

    /// <summary>Who changed a policy, by the person's name; the portal's own set-up in words rather than its account id.</summary>
    private string ChangedBy(SlaPolicyChange change) =>
        Organisation.OrganisationChangeText.By(change.ChangedByUserId, changers.GetValueOrDefault(change.ChangedByUserId) ?? change.ChangedByName);

    private IReadOnlyDictionary<string, string> changers = new Dictionary<string, string>();

    private string PolicyLabel(int policyId) =>
        policies.FirstOrDefault(p => p.Id == policyId) is { } p ? PolicyForm.PriorityName(p.Priority) + " · " + CategoryName(p.CategoryId) : "";
}
