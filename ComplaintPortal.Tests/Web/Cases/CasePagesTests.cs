using System.Net;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web.Cases;

/// <summary>
/// The case pages through the real pipeline: what the prerendered page says and answers (status codes,
/// masking), the evidence endpoint, and that no form endpoint for case steps is left.
/// </summary>
public sealed class CasePagesTests : IClassFixture<CasePagesTests.App>
{
    private readonly App app;

    public CasePagesTests(App app) => this.app = app;

    private AppActions Actions => new(app.Services);

    [Fact]
    public async Task Case_page_is_prerendered_with_its_stage_ledger_and_deadlines()
    {
        var complaint = await Actions.RegisterAsync();
        var clerk = await app.SignedInAsync("intake");

        var response = await clerk.GetAsync("/cases/" + complaint.CaseNumber);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-stage=\"Registered\"", page, StringComparison.Ordinal);
        Assert.Contains("13812345678", page, StringComparison.Ordinal);
        Assert.Contains("data-intact=\"True\"", page, StringComparison.Ordinal);
        Assert.Contains("data-ledger-action=\"Register\"", page, StringComparison.Ordinal);
        Assert.Contains("<portal-countdown", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"Assess\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_case_and_another_departments_case_both_answer_404()
    {
        var complaint = await Actions.AcknowledgedCaseAsync();
        await Actions.DispatchAsync(complaint.Id, DepartmentCatalog.Quality);
        var engineer = await app.SignedInAsync("handler.eng");
        var quality = await app.SignedInAsync("handler.qa");

        var unknown = await engineer.GetAsync("/cases/KS-1999-999999");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await engineer.GetAsync("/cases/" + complaint.CaseNumber)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await quality.GetAsync("/cases/" + complaint.CaseNumber)).StatusCode);
    }

    [Fact]
    public async Task Supervisor_sees_the_case_with_personal_data_masked()
    {
        var complaint = await Actions.RegisterAsync();
        var supervisor = await app.SignedInAsync("supervisor");

        var page = await supervisor.GetStringAsync("/cases/" + complaint.CaseNumber);

        Assert.Contains("138****5678", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", page, StringComparison.Ordinal);
        Assert.Contains("data-test=\"masked-note\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_is_shown_inline_to_those_who_may_see_the_case_and_refused_to_others()
    {
        var complaint = await Actions.RegisterAsync();
        var store = app.Services.GetRequiredService<EvidenceStore>();
        var saved = await store.SaveAsync(new MemoryStream("%PDF-1.4 receipt"u8.ToArray()));
        await Actions.DoAsync(complaint.Id, WorkflowAction.AttachEvidence,
            new() { Evidence = new("发票.pdf", "application/pdf", saved.Size, saved.StoredName, saved.Sha256) }, "intake");
        var id = await app.WithDbAsync(db => db.Evidence.Where(e => e.ComplaintId == complaint.Id).Select(e => e.Id).SingleAsync());
        var clerk = await app.SignedInAsync("intake");
        var engineer = await app.SignedInAsync("handler.eng");
        var address = $"/cases/{complaint.CaseNumber}/evidence/{id}";

        var inline = await clerk.GetAsync(address);
        var download = await clerk.GetAsync(address + "?download=true");

        Assert.Equal(HttpStatusCode.OK, inline.StatusCode);
        Assert.Equal("application/pdf", inline.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", inline.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("发票.pdf", inline.Content.Headers.ContentDisposition.FileNameStar);
        // The case page may frame it (PDF preview); no other site may.
        Assert.Equal("SAMEORIGIN", inline.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'self'", inline.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("%PDF-1.4 receipt", await inline.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await engineer.GetAsync(address)).StatusCode);
        Assert.Equal("DENY", (await clerk.GetAsync("/cases/" + complaint.CaseNumber)).Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public void Case_steps_have_no_form_endpoint_any_more()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "").ToList();

        Assert.DoesNotContain(routes, r => r.EndsWith("/act", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Contains("/evidence/", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.StartsWith("/api/complaints", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("intake", "/cases/new", "data-test=\"register\"")]
    [InlineData("handler.qa", "/cases/queue", "data-test=\"case-table\"")]
    [InlineData("archivist", "/cases/search", "data-test=\"search-text\"")]
    public async Task Case_list_and_intake_pages_prerender_for_their_roles(string user, string path, string marker)
    {
        var client = await app.SignedInAsync(user);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(marker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workflow_page_shows_every_row_of_the_table()
    {
        var handler = await app.SignedInAsync("handler.qa");
        var page = await handler.GetStringAsync("/cases/workflow");

        foreach (var step in WorkflowTable.Steps)
        {
            Assert.Contains($"data-action=\"{step.Action}\"", page, StringComparison.Ordinal);
        }
    }

    public sealed class App : PortalAppFactory;
}
