using System.Net;
using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Cases;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web.Archive;

/// <summary>
/// An archived case through the real pipeline: its case page, evidence address and search answer nobody;
/// the archive's evidence preview answers only an approved request and is logged; the register exports.
/// </summary>
public sealed class ArchivePagesTests : IClassFixture<ArchivePagesTests.App>
{
    private readonly App app;

    public ArchivePagesTests(App app) => this.app = app;

    private AppActions Actions => new(app.Services);

    private SettableTimeProvider Time => (SettableTimeProvider)app.Time;

    /// <summary>A withdrawn case with a photo, past its quiet period and archived by the portal's own archiver.</summary>
    private async Task<(Complaint Case, string Number, int EvidenceId)> ArchivedCaseWithPhotoAsync()
    {
        var complaint = await Actions.RegisterAsync();
        var store = app.Services.GetRequiredService<EvidenceStore>();
        var saved = await store.SaveAsync(new MemoryStream([0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4]));
        await Actions.DoAsync(complaint.Id, WorkflowAction.AttachEvidence,
            new() { Evidence = new("现场.png", "image/png", saved.Size, saved.StoredName, saved.Sha256) }, "intake");
        await Actions.DoAsync(complaint.Id, WorkflowAction.Withdraw, new() { Note = "撤诉" }, "intake");
        var evidenceId = await app.WithDbAsync(db => db.Evidence.Where(e => e.ComplaintId == complaint.Id).Select(e => e.Id).SingleAsync());
        Time.Advance(TimeSpan.FromDays(8));
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Archiver>().RunOnceAsync(Time.GetUtcNow());
        var number = await app.WithDbAsync(db => db.ArchivedFiles.Where(f => f.ComplaintId == complaint.Id).Select(f => f.ArchiveNumber).SingleAsync());
        return (complaint, number, evidenceId);
    }

    [Fact]
    public async Task Archived_case_page_evidence_and_search_refuse_every_role()
    {
        var (complaint, number, evidenceId) = await ArchivedCaseWithPhotoAsync();

        foreach (var account in DemoAccounts.All)
        {
            var client = await app.SignedInAsync(account.UserName);
            // Nothing of the case for anyone; those who see every case (it went to no department) are told its archive number,
            // everyone else gets the answer a case that does not exist gets.
            var page = await client.GetAsync("/cases/" + complaint.CaseNumber);
            var body = await page.Content.ReadAsStringAsync();
            var told = account.Role is PortalRoles.IntakeClerk or PortalRoles.Leadership or PortalRoles.Supervisor;
            Assert.Equal(told ? HttpStatusCode.OK : HttpStatusCode.NotFound, page.StatusCode);
            Assert.Equal(told, body.Contains(number, StringComparison.Ordinal));
            Assert.DoesNotContain(complaint.Complainant.Name, body, StringComparison.Ordinal);
            Assert.DoesNotContain("data-test=\"case-record\"", body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{complaint.CaseNumber}/evidence/{evidenceId}")).StatusCode);
            var user = await Actions.UserAsync(account.UserName);
            await using var scope = app.Services.CreateAsyncScope();
            var found = await scope.ServiceProvider.GetRequiredService<CaseQueries>()
                .SearchAsync(new CaseSearch { Text = complaint.CaseNumber }, user, new CaseListRequest(0, 25, null, false));
            Assert.Empty(found.Rows);
        }
    }

    [Fact]
    public async Task Evidence_preview_answers_only_an_approved_request_and_is_logged_with_the_address()
    {
        var (_, number, evidenceId) = await ArchivedCaseWithPhotoAsync();
        var handler = await app.SignedInAsync("handler.qa");
        var address = $"/archive/files/{number}/evidence/{evidenceId}";
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync(address)).StatusCode);

        var requester = await Actions.UserAsync("handler.qa");
        var leader = await Actions.UserAsync("leader");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var access = scope.ServiceProvider.GetRequiredService<ArchiveAccess>();
            var now = Time.GetUtcNow();
            var (_, request) = await access.RequestAsync(requester, "复核", new AccessScope([number], null, null, null), now, now.AddDays(1));
            Assert.Equal(ArchiveError.None, await access.ApproveAsync(leader, request!.Id, null, null, null, null));
        }

        var preview = await handler.GetAsync(address);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("image/png", preview.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", preview.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Null(preview.Content.Headers.ContentDisposition.FileNameStar);
        var logged = await app.WithDbAsync(db => db.ArchiveAccessLog.Where(e => e.ArchiveNumber == number).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([ArchiveAccessKind.Refused, ArchiveAccessKind.PreviewEvidence], logged.Select(e => e.Kind));
        Assert.Equal("现场.png", logged[^1].Detail);
        Assert.False(string.IsNullOrEmpty(logged[^1].DepartmentName));
    }

    [Fact]
    public async Task Access_register_exports_to_excel_for_the_clerk_and_no_one_outside()
    {
        var clerk = await app.SignedInAsync("archivist");
        var handler = await app.SignedInAsync("handler.qa");

        var export = await clerk.GetAsync("/archive/log/export");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        Assert.NotEqual(HttpStatusCode.OK, (await handler.GetAsync("/archive/log/export")).StatusCode);
    }

    [Fact]
    public async Task The_registers_export_of_refused_attempts_holds_only_those()
    {
        var (_, number, _) = await ArchivedCaseWithPhotoAsync();
        var reader = await Actions.UserAsync("handler.qa");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // One attempt without a request (refused), then one with an approved request (read).
            var access = scope.ServiceProvider.GetRequiredService<ArchiveAccess>();
            Assert.Null(await access.ReadAsync(reader, number, new ViewerContext("质量部", "10.0.0.5")));
            var now = Time.GetUtcNow();
            var (_, request) = await access.RequestAsync(reader, "复核", new AccessScope([number], null, null, null), now, now.AddDays(1));
            Assert.Equal(ArchiveError.None, await access.ApproveAsync(await Actions.UserAsync("leader"), request!.Id, null, null, null, null));
            Assert.NotNull(await access.ReadAsync(reader, number, new ViewerContext("质量部", "10.0.0.5")));
        }

        var clerk = await app.SignedInAsync("archivist");
        string[] Kinds(byte[] xlsx)
        {
            using var book = ComplaintPortal.Tests.Reporting.Excel.WorkbookReader.Open(xlsx);
            var sheet = book.Worksheets.First();
            // The header row (the title block above names the same column as the filter).
            var header = sheet.CellsUsed().Last(c => c.GetString() == "档案编号").Address;
            var kind = sheet.Row(header.RowNumber).CellsUsed().First(c => c.GetString() == "查阅内容").Address.ColumnNumber;
            return [.. sheet.RowsUsed().Where(r => r.RowNumber() > header.RowNumber && r.Cell(header.ColumnNumber).GetString() == number)
                .Select(r => r.Cell(kind).GetString())];
        }

        var everything = Kinds(await clerk.GetByteArrayAsync($"/archive/log/export?number={number}"));
        var refused = Kinds(await clerk.GetByteArrayAsync($"/archive/log/export?number={number}&refused=true"));

        Assert.Equal(["查阅档案", "拒绝（未获批准）"], everything);
        Assert.Equal(["拒绝（未获批准）"], refused);
    }

    [Theory]
    [InlineData("archivist", "/archive/desk", "data-test=\"inspect-now\"")]
    [InlineData("leader", "/archive/approvals", "data-test=\"pending-disposals\"")]
    [InlineData("handler.qa", "/archive/requests", "data-test=\"request-form\"")]
    [InlineData("handler.qa", "/archive", "data-test=\"archive-filters\"")]
    [InlineData("admin", "/admin/retention", "data-test=\"retention-rules\"")]
    public async Task Archive_pages_prerender_for_their_roles(string user, string path, string marker)
    {
        var client = await app.SignedInAsync(user);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(marker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public sealed class App : PortalAppFactory
    {
        public App()
        {
            Settings["Archive:JobsEnabled"] = "false";
        }
    }
}
