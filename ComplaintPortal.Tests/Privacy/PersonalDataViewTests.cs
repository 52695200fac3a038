using System.Net;
using System.Net.Http.Headers;
using ClosedXML.Excel;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Persistence;
using ComplaintPortal.Domain.Privacy;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Privacy;

/// <summary>Who looked at personal data: each surface that shows it unmasked writes one line; the log is for the clerk and the committee.</summary>
public sealed class PersonalDataViewTests : IDisposable
{
    private readonly PortalAppFactory app = new();

    [Fact]
    public async Task An_unmasked_case_page_writes_one_line_with_who_which_case_what_and_when()
    {
        var complaint = await new AppActions(app.Services).AcknowledgedCaseAsync();
        var intake = await new AppActions(app.Services).UserAsync("intake");
        var client = await app.SignedInAsync("intake");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases/" + complaint.CaseNumber)).StatusCode);

        var line = Assert.Single(await LinesAsync());
        Assert.Equal(PersonalDataViewKind.CasePage, line.Kind);
        Assert.Equal(complaint.Id, line.ComplaintId);
        Assert.Equal(complaint.CaseNumber, line.CaseNumber);
        Assert.Equal(intake.UserId, line.ViewerUserId);
        Assert.Equal(intake.Name, line.ViewerName);
        Assert.Equal(app.Time.GetUtcNow(), line.At);
    }

    [Fact]
    public async Task A_masked_case_page_writes_nothing()
    {
        var complaint = await new AppActions(app.Services).AcknowledgedCaseAsync();
        var supervisor = await app.SignedInAsync("supervisor");

        var page = await supervisor.GetStringAsync("/cases/" + complaint.CaseNumber);

        Assert.Contains("data-test=\"masked-note\"", page, StringComparison.Ordinal);
        Assert.Empty(await LinesAsync());
    }

    [Fact]
    public async Task Each_look_at_an_evidence_file_writes_one_line_and_the_rest_of_a_range_read_none()
    {
        var (complaint, evidenceId) = await CaseWithEvidenceAsync();
        var client = await app.SignedInAsync("intake");
        var address = $"/cases/{complaint.CaseNumber}/evidence/{evidenceId}";

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(address)).StatusCode);
        Assert.Equal(HttpStatusCode.PartialContent, (await SendRangeAsync(client, address, 10, null)).StatusCode);
        Assert.Single(await LinesAsync());
        Assert.Equal(HttpStatusCode.PartialContent, (await SendRangeAsync(client, address, 0, 9)).StatusCode);

        var lines = await LinesAsync();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(PersonalDataViewKind.Evidence, l.Kind));
        Assert.All(lines, l => Assert.Equal("现场照片.png", l.Detail));
        Assert.All(lines, l => Assert.Equal(complaint.CaseNumber, l.CaseNumber));
    }

    [Fact]
    public async Task An_evidence_file_refused_to_the_viewer_writes_nothing()
    {
        var (complaint, evidenceId) = await CaseWithEvidenceAsync();
        var stranger = await app.SignedInAsync("handler.eng");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/cases/{complaint.CaseNumber}/evidence/{evidenceId}")).StatusCode);
        Assert.Empty(await LinesAsync());
    }

    [Fact]
    public async Task An_export_with_personal_data_writes_one_line_per_case()
    {
        var actions = new AppActions(app.Services);
        var (first, second) = (await actions.AcknowledgedCaseAsync(), await actions.AcknowledgedCaseAsync());
        var intake = await actions.UserAsync("intake");

        await InScopeAsync(sp => sp.GetRequiredService<PersonalDataViews>().RecordExportAsync(intake,
            [(first.Id, first.CaseNumber), (second.Id, second.CaseNumber), (first.Id, first.CaseNumber)], "回访名单.xlsx", "10.1.2.3"));

        var lines = await LinesAsync();
        Assert.Equal([first.CaseNumber, second.CaseNumber], lines.Select(l => l.CaseNumber).Order(StringComparer.Ordinal));
        Assert.All(lines, l => Assert.Equal((PersonalDataViewKind.Export, "回访名单.xlsx", "10.1.2.3"), (l.Kind, l.Detail, l.Address)));
    }

    [Fact]
    public async Task Only_the_archive_clerk_and_the_committee_read_the_log()
    {
        var actions = new AppActions(app.Services);
        var complaint = await actions.AcknowledgedCaseAsync();
        var intake = await actions.UserAsync("intake");
        await InScopeAsync(sp => sp.GetRequiredService<PersonalDataViews>().RecordAsync(intake, complaint.Id, complaint.CaseNumber, PersonalDataViewKind.CasePage, null, null));

        foreach (var (user, reads) in new[] { ("archivist", true), ("supervisor", true), ("intake", false), ("leader", false), ("head.qa", false), ("admin", false) })
        {
            var reader = await actions.UserAsync(user);
            var page = await InScopeAsync(sp => sp.GetRequiredService<PersonalDataViews>().SearchAsync(reader, new PersonalDataViewQuery(), 0, 25));
            Assert.True(reads == (page.Total == 1), user);
            var export = await (await app.SignedInAsync(user)).GetAsync("/privacy/views/export.xlsx");
            Assert.True(reads == (export.StatusCode == HttpStatusCode.OK), $"{user}: {(int)export.StatusCode}");
        }
    }

    [Fact]
    public async Task The_log_is_filtered_by_person_case_and_period_and_its_export_reads_back()
    {
        var actions = new AppActions(app.Services);
        var (first, second) = (await actions.AcknowledgedCaseAsync(), await actions.AcknowledgedCaseAsync());
        var (intake, leader) = (await actions.UserAsync("intake"), await actions.UserAsync("leader"));
        await InScopeAsync(async sp =>
        {
            var log = sp.GetRequiredService<PersonalDataViews>();
            await log.RecordAsync(intake, first.Id, first.CaseNumber, PersonalDataViewKind.CasePage, null, "10.0.0.7");
            await log.RecordAsync(leader, first.Id, first.CaseNumber, PersonalDataViewKind.Evidence, "录音.mp3", null);
            await log.RecordAsync(leader, second.Id, second.CaseNumber, PersonalDataViewKind.CasePage, null, null);
        });
        var archivist = await actions.UserAsync("archivist");
        Task<PersonalDataViewPage> Search(PersonalDataViewQuery query) =>
            InScopeAsync(sp => sp.GetRequiredService<PersonalDataViews>().SearchAsync(archivist, query, 0, 25));

        Assert.Equal(2, (await Search(new(Person: leader.Name))).Total);
        // Newest first, or turned round (the page's time column).
        var newest = (await Search(new())).Lines.Select(l => (l.ViewerName, l.CaseNumber)).ToList();
        var oldest = (await InScopeAsync(sp => sp.GetRequiredService<PersonalDataViews>().SearchAsync(archivist, new(), 0, 25, oldestFirst: true)))
            .Lines.Select(l => (l.ViewerName, l.CaseNumber)).ToList();
        Assert.Equal([(intake.Name, first.CaseNumber), (leader.Name, first.CaseNumber), (leader.Name, second.CaseNumber)], oldest);
        Assert.Equal(Enumerable.Reverse(oldest), newest);
        Assert.Equal(2, (await Search(new(CaseNumber: first.CaseNumber))).Total);
        Assert.Equal(1, (await Search(new(Person: leader.Name, CaseNumber: first.CaseNumber))).Total);
        var now = app.Time.GetUtcNow();
        Assert.Equal(3, (await Search(new(From: now.AddMinutes(-1), To: now.AddMinutes(1)))).Total);
        Assert.Equal(0, (await Search(new(From: now.AddMinutes(1)))).Total);

        var client = await app.SignedInAsync("archivist");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var response = await client.GetAsync("/privacy/views/export.xlsx?case=" + Uri.EscapeDataString(first.CaseNumber));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheets.Single();
        var rows = sheet.AutoFilter.Range.Rows().Select(r => r.Cells().Select(c => c.GetString()).ToArray()).ToList();
        Assert.Equal(["查看时间", "查看人", "部门", "投诉编号", "查看内容", "文件", "来源地址"], rows[0]);
        Assert.Equal(2, rows.Count - 1);
        Assert.All(rows.Skip(1), r => Assert.Equal(first.CaseNumber, r[3]));
        Assert.Contains(rows, r => r[1] == leader.Name && r[4] == "证据文件" && r[5] == "录音.mp3" && r[6] == "未知");
        Assert.Contains(rows, r => r[1] == intake.Name && r[4] == "案件页面（未遮蔽）" && r[6] == "10.0.0.7");
        Assert.Equal(XLDataType.DateTime, sheet.AutoFilter.Range.Row(2).Cell(1).DataType);
    }

    [Fact]
    public async Task Nobody_changes_or_deletes_a_line_of_the_log()
    {
        var actions = new AppActions(app.Services);
        var complaint = await actions.AcknowledgedCaseAsync();
        var intake = await actions.UserAsync("intake");
        await InScopeAsync(sp => sp.GetRequiredService<PersonalDataViews>().RecordAsync(intake, complaint.Id, complaint.CaseNumber, PersonalDataViewKind.CasePage, null, null));

        await Assert.ThrowsAsync<InvalidOperationException>(() => InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            db.PersonalDataViews.Remove(await db.PersonalDataViews.SingleAsync());
            await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<SqliteException>(() => InScopeAsync(sp =>
            sp.GetRequiredService<PortalDbContext>().Database.ExecuteSqlRawAsync("UPDATE PersonalDataViews SET ViewerName = 'someone else'")));
        await Assert.ThrowsAsync<SqliteException>(() => InScopeAsync(sp =>
            sp.GetRequiredService<PortalDbContext>().Database.ExecuteSqlRawAsync("DELETE FROM PersonalDataViews")));
        Assert.Equal(intake.Name, Assert.Single(await LinesAsync()).ViewerName);
    }

    public void Dispose() => app.Dispose();

    private static Task<HttpResponseMessage> SendRangeAsync(HttpClient client, string address, long from, long? to)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Range = new RangeHeaderValue(from, to);
        return client.SendAsync(request);
    }

    private async Task<(Complaint Complaint, int EvidenceId)> CaseWithEvidenceAsync()
    {
        var actions = new AppActions(app.Services);
        var complaint = await actions.AcknowledgedCaseAsync();
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var saved = await app.Services.GetRequiredService<EvidenceStore>().SaveAsync(new MemoryStream(png));
        var withEvidence = await actions.DoAsync(complaint.Id, WorkflowAction.AttachEvidence, new()
        {
            Evidence = new NewEvidence("现场照片.png", "image/png", saved.Size, saved.StoredName, saved.Sha256),
        }, "intake");
        return (withEvidence, withEvidence.Evidence.Single().Id);
    }

    private Task<List<PersonalDataView>> LinesAsync() => app.WithDbAsync(db => db.PersonalDataViews.AsNoTracking().OrderBy(v => v.Id).ToListAsync());

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }
}
