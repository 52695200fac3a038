using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Sla;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Admin.TimeLimits;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ComplaintPortal.Tests.Components.Admin;

/// <summary>
/// The time-limit policy dialog keeps numbers as typed: a target of 0 hours or a due-soon share of 150 % is named on its
/// field (a clamping field would have saved 1 or 99 without a word) and nothing reaches the page's save.
/// </summary>
public sealed class PolicyDialogTests : IAsyncLifetime
{
    private readonly PortalComponentContext ctx = new("zh-Hant");
    private readonly List<PolicyForm> saved = [];

    [Fact]
    public async Task Numbers_out_of_range_are_kept_named_on_their_fields_and_not_saved_until_put_right()
    {
        var input = new PolicyForm
        {
            PolicyId = 1, Priority = Priority.General, CalendarCode = "CN",
            FirstResponseAmount = 4, FirstResponseUnit = SlaTargetUnit.Hours,
            SolutionPlanAmount = 2, SolutionPlanUnit = SlaTargetUnit.Days,
            CompletionAmount = 5, CompletionUnit = SlaTargetUnit.Days, DueSoonPercent = 20,
        };
        var dialog = await OpenAsync(input);

        dialog.Find("[data-target=FirstResponse] input, input[data-target=FirstResponse]").Change("0");
        dialog.Find("[data-test=policy-due-soon] input, input[data-test=policy-due-soon]").Change("150");
        dialog.WaitForAssertion(() =>
        {
            var messages = dialog.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim()).ToList();
            Assert.Contains("請輸入 1 至 9999 之間的整數。", messages);
            Assert.Contains("請輸入 1 至 99 之間的整數。", messages);
        });
        Assert.Equal((0, 150), (input.FirstResponseAmount, input.DueSoonPercent));
        await dialog.Find("button[data-test=save-policy], [data-test=save-policy] button").ClickAsync(new());
        Assert.Empty(saved);

        dialog.Find("[data-target=FirstResponse] input, input[data-target=FirstResponse]").Change("3");
        dialog.Find("[data-test=policy-due-soon] input, input[data-test=policy-due-soon]").Change("25");
        await dialog.Find("button[data-test=save-policy], [data-test=save-policy] button").ClickAsync(new());
        var policy = Assert.Single(saved);
        Assert.Equal((3, 25), (policy.FirstResponseAmount, policy.DueSoonPercent));
    }

    [Fact]
    public void A_target_above_the_largest_amount_is_not_turned_into_values()
    {
        var form = new PolicyForm
        {
            Priority = Priority.General, CalendarCode = "CN", FirstResponseAmount = PolicyForm.MaxAmount + 1, FirstResponseUnit = SlaTargetUnit.Hours,
            SolutionPlanAmount = 2, SolutionPlanUnit = SlaTargetUnit.Days, CompletionAmount = 5, CompletionUnit = SlaTargetUnit.Days,
        };
        Assert.Null(form.ToValues());

        form.FirstResponseAmount = PolicyForm.MaxAmount;
        Assert.NotNull(form.ToValues());
    }

    private async Task<IRenderedComponent<IComponent>> OpenAsync(PolicyForm input)
    {
        var host = ctx.RenderWithProviders(_ => { });
        var parameters = new DialogParameters<PolicyDialog>
        {
            { d => d.Input, input },
            {
                d => d.Save, form =>
                {
                    saved.Add(form);
                    return Task.FromResult(SlaPolicySaveResult.Saved);
                }
            },
        };
        await host.InvokeAsync(() => ctx.Services.GetRequiredService<IDialogService>().ShowAsync<PolicyDialog>("Policy", parameters));
        host.WaitForElement("[data-test=policy-dialog]", TimeSpan.FromSeconds(30));
        return host;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await ctx.DisposeAsync();
}
