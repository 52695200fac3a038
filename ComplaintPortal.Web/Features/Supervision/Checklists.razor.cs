using System.Globalization;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Web.Hosting;
using ComplaintPortal.Web.Resources;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplaintPortal.Web.Features.Supervision;

public sealed partial class Checklists
{
    private readonly Dictionary<int, List<ItemDraft>> drafts = [];
    private IReadOnlyList<ChecklistTemplate> templates = [];
    private bool busy;

    [Inject]
    private OrganisationClock Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        templates = await InScopeAsync(sp => sp.GetRequiredService<ChecklistBook>().ListAsync());
        drafts.Clear();
        foreach (var template in templates)
        {
            var current = template.Versions.MaxBy(v => v.Number);
            drafts[template.Id] = current?.Items.OrderBy(i => i.Position)
                .Select(i => new ItemDraft { Code = i.Code, TextZhHans = i.TextZhHans, TextZhHant = i.TextZhHant, TextEn = i.TextEn })
                .ToList() ?? [];
        }
    }

    private static void MoveUp(List<ItemDraft> items, int index) => (items[index - 1], items[index]) = (items[index], items[index - 1]);

    private async Task PublishAsync(int templateId, int currentNumber)
    {
        busy = true;
        try
        {
            var actor = await ActingUserAsync();
            var items = drafts[templateId].Select(d => new ChecklistItemInput(d.Code, d.TextZhHans ?? "", d.TextZhHant, d.TextEn)).ToList();
            var result = actor is null
                ? SupervisionResult<ChecklistVersion>.Fail(SupervisionError.NotPermitted)
                : await InScopeAsync(sp => sp.GetRequiredService<ChecklistBook>().PublishAsync(templateId, currentNumber, items, actor));
            if (result.Succeeded)
            {
                Snackbar.Add(string.Format(CultureInfo.CurrentCulture, SupervisionText.Checklists_Published, result.Value!.Number), Severity.Success);
                await LoadAsync();
            }
            else
            {
                Snackbar.Add(SupervisionLabels.Error(result.Error), Severity.Error);
            }
        }
        finally
        {
            busy = false;
        }
    }

    private sealed class ItemDraft
    {
        public string? Code { get; set; }

        public string? TextZhHans { get; set; }

        public string? TextZhHant { get; set; }

        public string? TextEn { get; set; }
    }
}
