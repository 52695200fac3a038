using System.Net;
using System.Net.Http.Headers;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Web.Cases;

/// <summary>The case pages and endpoints through the real pipeline: forms, antiforgery, roles, masking, evidence.</summary>
public sealed class CasePagesTests : IClassFixture<CasePagesTests.App>
{
    private readonly App app;

    public CasePagesTests(App app) => this.app = app;

    [Fact]
    public async Task Intake_form_posted_twice_creates_one_case()
    {
        var clerk = await app.SignedInAsync("intake");
        var key = Guid.NewGuid().ToString("N");

        var first = await CaseHttp.RegisterAsync(clerk, key);
        var second = await CaseHttp.RegisterAsync(clerk, key);

        Assert.Equal(first, second);
        Assert.Equal(1, await app.WithDbAsync(db => db.Complaints.CountAsync(c => c.CaseNumber == first)));
        var page = await clerk.GetStringAsync("/cases/" + first);
        Assert.Contains("data-stage=\"Registered\"", page, StringComparison.Ordinal);
        Assert.Contains("13812345678", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clerk_assesses_through_the_action_form_and_a_stale_page_is_told_to_reload()
    {
        var clerk = await app.SignedInAsync("intake");
        var number = await CaseHttp.RegisterAsync(clerk, Guid.NewGuid().ToString("N"));
        var stalePage = await clerk.GetStringAsync("/cases/" + number);
        var categoryId = await app.WithDbAsync(db => db.Categories.Where(c => c.Code == CategoryCatalog.Repair).Select(c => c.Id).SingleAsync());

        var done = await CaseHttp.ActAsync(clerk, number, "Assess", new() { ["categoryId"] = categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["severity"] = "Minor", ["urgency"] = "Normal" });
        var stale = await CaseHttp.ActAsync(clerk, number, "MarkInvalid", new() { ["note"] = "无效" }, CaseHttp.VersionOn(stalePage));

        Assert.EndsWith("?done=Assess", done, StringComparison.Ordinal);
        Assert.EndsWith("?error=ConcurrencyConflict", stale, StringComparison.Ordinal);
        var page = await clerk.GetStringAsync(stale);
        Assert.Contains("data-stage=\"Assessed\"", page, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(UiText.ResourceManager.GetString(nameof(UiText.Common_ConcurrencyConflict), new System.Globalization.CultureInfo("zh-Hans"))!), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_the_table_does_not_name_is_refused_and_nothing_changes()
    {
        var clerk = await app.SignedInAsync("intake");
        var number = await CaseHttp.RegisterAsync(clerk, Guid.NewGuid().ToString("N"));
        var version = CaseHttp.VersionOn(await clerk.GetStringAsync("/cases/" + number));
        var engineer = await app.SignedInAsync("handler.eng");

        // The handler cannot open the case (not working it), so it takes the token from its queue page.
        var token = PortalClient.AntiforgeryToken(await engineer.GetStringAsync("/cases/search?q=x"));
        var response = await engineer.PostAsync($"/cases/{number}/act", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "MarkInvalid", ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["note"] = "x", ["__RequestVerificationToken"] = token,
        }));

        // A case the handler may not see answers as if it did not exist.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(CaseStage.Registered, await app.WithDbAsync(db => db.Complaints.Where(c => c.CaseNumber == number).Select(c => c.Stage).SingleAsync()));
    }

    [Fact]
    public async Task People_who_do_not_work_the_case_see_masked_personal_data_and_no_evidence()
    {
        var clerk = await app.SignedInAsync("intake");
        var number = await CaseHttp.RegisterAsync(clerk, Guid.NewGuid().ToString("N"));
        var page = await clerk.GetStringAsync("/cases/" + number);
        using var upload = new MultipartFormDataContent
        {
            { new StringContent("AttachEvidence"), "action" },
            { new StringContent(CaseHttp.VersionOn(page).ToString(System.Globalization.CultureInfo.InvariantCulture)), "version" },
            { new StringContent(PortalClient.AntiforgeryToken(page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent("%PDF-1.4 receipt"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        upload.Add(file, "file", "receipt.pdf");
        var attached = await clerk.PostAsync($"/cases/{number}/act", upload);
        Assert.EndsWith("?done=AttachEvidence", attached.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var evidenceId = await app.WithDbAsync(db => db.Evidence.Where(e => e.FileName == "receipt.pdf").Select(e => e.Id).FirstAsync());
        var stored = Directory.GetFiles(Path.Combine(app.Database.Folder, "evidence")).Length;

        // The same upload again on the old page: refused as stale, and its file is not kept.
        var stale = await clerk.PostAsync($"/cases/{number}/act", upload);
        Assert.EndsWith("?error=ConcurrencyConflict", stale.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(stored, Directory.GetFiles(Path.Combine(app.Database.Folder, "evidence")).Length);

        var supervisor = await app.SignedInAsync("supervisor");
        var search = await supervisor.GetStringAsync("/cases/search?q=" + number);
        var supervisorPage = await supervisor.GetStringAsync("/cases/" + number);
        var engineer = await app.SignedInAsync("handler.eng");

        Assert.Contains("138****5678", search, StringComparison.Ordinal);
        Assert.Contains("王**", search, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", supervisorPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/cases/{number}/evidence/{evidenceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await engineer.GetAsync("/cases/" + number)).StatusCode);
        var download = await engineer.GetAsync($"/cases/{number}/evidence/{evidenceId}");
        Assert.NotEqual(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task Case_page_shows_the_ledger_and_its_verification()
    {
        var clerk = await app.SignedInAsync("intake");
        var number = await CaseHttp.RegisterAsync(clerk, Guid.NewGuid().ToString("N"));
        var page = await clerk.GetStringAsync("/cases/" + number);

        Assert.Contains("data-intact=\"True\"", page, StringComparison.Ordinal);
        Assert.Contains("data-ledger-action=\"Register\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workflow_page_shows_every_row_of_the_table()
    {
        var handler = await app.SignedInAsync("handler.qa");
        var page = await handler.GetStringAsync("/cases/workflow");

        foreach (var step in ComplaintPortal.Domain.Workflow.WorkflowTable.Steps)
        {
            Assert.Contains($"data-action=\"{step.Action}\"", page, StringComparison.Ordinal);
        }
    }

    public sealed class App : PortalAppFactory;
}
