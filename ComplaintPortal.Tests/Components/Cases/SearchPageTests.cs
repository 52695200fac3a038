using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Cases;

/// <summary>The search page applies the case page's visibility rule: a department never finds another department's case.</summary>
public sealed class SearchPageTests : CasePageTest
{

    [Fact]
    public async Task Department_handler_never_finds_another_departments_case()
    {
        var ctx = Open();
        var quality = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var engineering = await Driver.RegisterAsync();
        await Driver.AssessAsync(engineering.Id);
        await Driver.AcknowledgeAsync(engineering.Id);
        await Driver.DispatchAsync(engineering.Id, DepartmentCatalog.Engineering);
        ctx.SignInAs(Driver.HandlerOf(DepartmentCatalog.Engineering));

        var cut = ctx.RenderPage<Search>();
        cut.WaitForElement($"[data-case='{engineering.CaseNumber}']");
        var browsing = cut.FindAll("[data-case]").Select(a => a.GetAttribute("data-case")).ToList();
        cut.Find("[data-test=search-text]").Input("漏电");
        cut.Find("[data-test=search]").Click();
        cut.WaitForElement($"[data-case='{engineering.CaseNumber}']");

        Assert.Equal([engineering.CaseNumber], browsing);
        Assert.Equal([engineering.CaseNumber], cut.FindAll("[data-case]").Select(a => a.GetAttribute("data-case")));
        Assert.DoesNotContain(quality.CaseNumber, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervisor_finds_by_the_last_four_phone_digits_and_sees_personal_data_masked()
    {
        var ctx = Open();
        var complaint = await Driver.RegisterAsync();
        ctx.SignInAs(Driver.Outsider);

        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/cases/search?q=5678");

        var cut = ctx.RenderPage<Search>();

        cut.WaitForElement($"[data-case='{complaint.CaseNumber}']");
        Assert.Equal("138****5678", cut.Find("[data-test=phone]").TextContent);
        Assert.Equal("王**", cut.Find("[data-test=name]").TextContent);
    }
}
