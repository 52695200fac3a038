using ComplaintPortal.Tests.Workflow;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
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
    public async Task A_search_goes_into_the_address_and_the_address_brings_it_back_with_its_fields_as_after_opening_a_case()
    {
        var ctx = Open();
        var dispatched = await Driver.CaseInStageAsync(CaseStage.InDepartments);
        var registered = await Driver.RegisterAsync();
        ctx.SignInAs(Driver.Clerk);
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();

        var cut = ctx.RenderPage<Search>();
        cut.WaitForElement($"[data-case='{registered.CaseNumber}']");
        cut.Find("[data-test=search-text]").Input("漏电");
        cut.Find("[data-test=search]").Click();

        Assert.EndsWith("/cases/search?q=%E6%BC%8F%E7%94%B5", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("/cases/search/export.xlsx?q=%E6%BC%8F%E7%94%B5", cut.Find("[data-test=search-export]").GetAttribute("href"));

        // Another search, opened from its address (a bookmark, or the way back from a case): its fields and its cases.
        navigation.NavigateTo("/cases/search?q=%E6%BC%8F%E7%94%B5&stage=InDepartments");
        cut.WaitForAssertion(() => Assert.Equal([dispatched.CaseNumber], cut.FindAll("[data-case]").Select(a => a.GetAttribute("data-case"))));
        Assert.Equal("漏电", cut.Find("[data-test=search-text]").GetAttribute("value"));
        Assert.Equal("部门处理中", cut.Find("[data-test=search-stage]").TextContent.Trim());
        Assert.Equal("/cases/search/export.xlsx?q=%E6%BC%8F%E7%94%B5&stage=InDepartments", cut.Find("[data-test=search-export]").GetAttribute("href"));

        // What an address cannot mean is left out, as an empty field would be.
        navigation.NavigateTo("/cases/search?stage=7&channel=Nowhere&from=tomorrow");
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-case]").Count));
        Assert.Equal("/cases/search/export.xlsx", cut.Find("[data-test=search-export]").GetAttribute("href"));
    }

    [Fact]
    public async Task The_order_clicked_is_kept_in_the_address_with_the_search_and_the_address_opens_the_list_in_it()
    {
        var ctx = Open();
        var (first, second, navigation) = await TwoCasesForTheClerkAsync(ctx);

        // As the way back from a case finds it: the search and its order.
        navigation.NavigateTo("/cases/search?q=%E6%BC%8F%E7%94%B5&sort=-number");
        var cut = ctx.RenderPage<Search>();
        cut.WaitForAssertion(() => Assert.Equal([second.CaseNumber, first.CaseNumber], CaseNumbersShown(cut)));
        Assert.Equal("descending", cut.Find("[data-test=case-table] thead th").GetAttribute("aria-sort"));
        Assert.Equal("/cases/search/export.xlsx?q=%E6%BC%8F%E7%94%B5&sort=-number", cut.Find("[data-test=search-export]").GetAttribute("href"));

        // The header clicked again: ascending, in the address in place of the order before, and in the export's link.
        var entries = 0;
        navigation.LocationChanged += (_, _) => entries++;
        await cut.Find("[data-test=case-table] thead th .sortable-column-header").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal([first.CaseNumber, second.CaseNumber], CaseNumbersShown(cut)));
        Assert.EndsWith("/cases/search?q=%E6%BC%8F%E7%94%B5&sort=number", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(1, entries);
        Assert.Equal("/cases/search/export.xlsx?q=%E6%BC%8F%E7%94%B5&sort=number", cut.Find("[data-test=search-export]").GetAttribute("href"));

        // A new search keeps the order shown.
        cut.Find("[data-test=search-text]").Input(first.CaseNumber);
        cut.Find("[data-test=search]").Click();
        Assert.EndsWith("/cases/search?q=" + first.CaseNumber + "&sort=number", navigation.Uri, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal([first.CaseNumber], CaseNumbersShown(cut)));
    }

    [Fact]
    public async Task On_a_phone_the_order_is_chosen_from_a_list_and_sorts_as_the_header_would()
    {
        var ctx = Open();
        var (first, second, navigation) = await TwoCasesForTheClerkAsync(ctx);

        var cut = ctx.RenderPage<Search>();
        cut.WaitForAssertion(() => Assert.Equal([first.CaseNumber, second.CaseNumber], CaseNumbersShown(cut)));
        var choice = cut.FindComponent<MudBlazor.MudSelect<string>>();
        // Hidden from 960 px up, where the headers are clicked instead.
        Assert.Contains("d-md-none", cut.Find("[data-test=case-order]").Closest("div.d-flex")!.ClassList);
        Assert.Equal(9, choice.FindComponents<MudBlazor.MudSelectItem<string>>().Count);

        await cut.InvokeAsync(() => choice.Instance.SelectOption("-number"));
        cut.WaitForAssertion(() => Assert.Equal([second.CaseNumber, first.CaseNumber], CaseNumbersShown(cut)));
        Assert.EndsWith("/cases/search?sort=-number", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("案件编号（降序）", choice.Find("input").GetAttribute("value"));
        // The header shows the same order, for when the screen turns wide.
        Assert.Equal("descending", cut.Find("[data-test=case-table] thead th").GetAttribute("aria-sort"));

        await cut.InvokeAsync(() => choice.Instance.SelectOption(""));
        cut.WaitForAssertion(() => Assert.Equal([first.CaseNumber, second.CaseNumber], CaseNumbersShown(cut)));
        Assert.EndsWith("/cases/search", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("列表默认顺序", choice.Find("input").GetAttribute("value"));
    }

    [Fact]
    public async Task Past_the_search_cap_the_pager_says_more_than_and_a_narrower_search_counts_exactly()
    {
        // The portal's page with its queries counting no further than 2 (the portal counts to 1,000).
        var ctx = OpenAnother("zh-Hans", new ComplaintPortal.Domain.Notifications.NoticeFeed(), services =>
            services.AddScoped(sp => new CaseQueries(sp.GetRequiredService<ComplaintPortal.Domain.Persistence.PortalDbContext>()) { SearchTotalCap = 2 }));
        var cases = new List<Complaint>();
        for (var i = 0; i < 4; i++)
        {
            cases.Add(await Driver.RegisterAsync());
        }

        ctx.SignInAs(Driver.Clerk);
        var cut = ctx.RenderPage<Search>();
        string Pager() => cut.FindAll(".mud-table-pagination-caption").Last().TextContent.Trim();

        cut.WaitForAssertion(() => Assert.Equal("第 1–2 条，共 2 多条", Pager()));
        Assert.Equal("匹配的案件超过 2 条：这里列出最新的 2 条，排序也只在这些案件中进行。缩小查询条件可查看其余案件。",
            cut.Find("[data-test=search-capped]").TextContent.Trim());
        cut.Find("[data-test=search-text]").Input(cases[2].CaseNumber);
        cut.Find("[data-test=search]").Click();
        cut.WaitForAssertion(() => Assert.Equal("第 1–1 条，共 1 条", Pager()));
        Assert.Empty(cut.FindAll("[data-test=search-capped]"));
        Assert.Equal([cases[2].CaseNumber], cut.FindAll("[data-case]").Select(a => a.GetAttribute("data-case")));
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
    [Fact]
    public async Task A_whole_phone_number_finds_the_case_however_the_number_was_typed_at_intake()
    {
        var ctx = Open();
        var sample = CaseDriver.SampleIntake();
        var spaced = await Driver.RegisterAsync(sample with { Complainant = sample.Complainant with { Phone = "+86 138 0013 8000" } });
        var other = await Driver.RegisterAsync(sample with { Complainant = sample.Complainant with { Phone = "13900001111" } });
        ctx.SignInAs(Driver.Clerk);

        // The caller's number as the clerk hears it, in the link the caller panel gives ("search by this phone").
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/cases/search?q=13800138000");
        var cut = ctx.RenderPage<Search>();

        cut.WaitForElement($"[data-case='{spaced.CaseNumber}']");
        Assert.Empty(cut.FindAll($"[data-case='{other.CaseNumber}']"));
    }

    [Fact]
    public async Task An_e_mail_address_finds_the_case_however_its_letters_were_cased_at_intake()
    {
        var ctx = Open();
        var sample = CaseDriver.SampleIntake();
        var written = await Driver.RegisterAsync(sample with { Complainant = sample.Complainant with { Email = "Zhao.Lei@Example.cn" } });
        var other = await Driver.RegisterAsync(sample with { Complainant = sample.Complainant with { Email = "qian@example.cn" } });
        ctx.SignInAs(Driver.Clerk);

        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/cases/search?q=zhao.lei%40example.CN");
        var cut = ctx.RenderPage<Search>();

        cut.WaitForElement($"[data-case='{written.CaseNumber}']");
        Assert.Empty(cut.FindAll($"[data-case='{other.CaseNumber}']"));
    }

    [Fact]
    public async Task An_archived_case_s_number_is_answered_with_where_its_file_went_to_those_who_worked_it_only()
    {
        var ctx = Open();
        var complaint = await Driver.CaseInStageAsync(CaseStage.Closed);
        var options = new ArchiveOptions();
        Driver.Time.Advance(options.QuietPeriod + TimeSpan.FromMinutes(1));
        string number;
        await using (var db = Database.CreateContext())
        {
            await new Archiver(db, new EvidenceStore(Path.Combine(Database.Folder, "evidence")), options).RunOnceAsync(Driver.Time.GetUtcNow());
            number = await db.ArchivedFiles.Where(f => f.ComplaintId == complaint.Id).Select(f => f.ArchiveNumber).SingleAsync();
        }

        // Customer service typed the number in lower case: no row (archived cases leave the search), but where the file went.
        ctx.SignInAs(Driver.Clerk);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/cases/search?q=" + complaint.CaseNumber.ToLowerInvariant());
        var cut = ctx.RenderPage<Search>();
        var notice = cut.WaitForElement("[data-test=search-archived]");
        Assert.Equal(number, notice.GetAttribute("data-archive-number"));
        Assert.Contains($"案件 {complaint.CaseNumber} 已结案", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/archive/files/{number}", cut.Find("[data-test=search-archived-file]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-case]"));
        await ctx.DisposeComponentsAsync();

        // A department that never had the case learns nothing of it.
        ctx.SignInAs(Driver.HandlerOf(DepartmentCatalog.Engineering));
        var other = ctx.RenderPage<Search>();
        other.WaitForElement("[data-test=search-text]");
        other.WaitForAssertion(() => Assert.Contains(ComplaintPortal.Web.Resources.CaseText.Search_NoResults, other.Markup, StringComparison.Ordinal));
        Assert.Empty(other.FindAll("[data-test=search-archived]"));
        Assert.DoesNotContain(number, other.Markup, StringComparison.Ordinal);
    }
}
