using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Supervision;

public sealed class NoticeEvidenceTests
{
    private static NewEvidence Report(string name = "检验报告 QA-0402.pdf", string type = "application/pdf", long size = 48_000) =>
        new(name, type, size, Guid.NewGuid().ToString("N"), new string('a', 64));

    [Fact]
    public async Task An_answer_keeps_its_evidence_files_and_the_committee_sees_them_beside_the_answer()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var notice = await s.IssueNoticeAsync();
        var head = s.Driver.HeadOf(DepartmentCatalog.Quality);
        var photo = Report("整改后现场.jpg", "image/jpeg", 320_000);

        var answered = await s.WithAsync(db => s.Notices(db).AnswerAsync(notice.Id, notice.Version, "未做检验", "补做检验", head, [Report(), photo]));

        Assert.True(answered.Succeeded, answered.Error.ToString());
        var view = await s.WithAsync(db => s.Notices(db).FindAsync(notice.Id, s.Member));
        Assert.Equal(["检验报告 QA-0402.pdf", "整改后现场.jpg"], view!.Evidence.Select(e => e.FileName));
        Assert.All(view.Evidence, e => Assert.Equal(head.Name, e.UploadedByName));
        Assert.Equal(photo.StoredName, view.Evidence[1].StoredName);
        Assert.Equal(photo.Sha256, view.Evidence[1].Sha256);
        var file = await s.WithAsync(db => s.Notices(db).FindEvidenceAsync(notice.Id, view.Evidence[1].Id, s.Member));
        Assert.Equal("image/jpeg", file!.ContentType);
        Assert.Contains("整改后现场.jpg", view.History.Last().Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_that_may_not_see_the_notice_gets_none_of_its_files()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var notice = await s.IssueNoticeAsync();
        await s.WithAsync(db => s.Notices(db).AnswerAsync(notice.Id, notice.Version, "原因", "措施", s.Driver.HeadOf(DepartmentCatalog.Quality), [Report()]));
        var fileId = await s.WithAsync(db => db.NoticeEvidence.Select(e => e.Id).SingleAsync());

        Assert.Null(await s.WithAsync(db => s.Notices(db).FindEvidenceAsync(notice.Id, fileId, s.Driver.HandlerOf(DepartmentCatalog.Engineering))));
        Assert.Null(await s.WithAsync(db => s.Notices(db).FindEvidenceAsync(notice.Id, fileId, s.Driver.HeadOf(DepartmentCatalog.Engineering))));
        Assert.NotNull(await s.WithAsync(db => s.Notices(db).FindEvidenceAsync(notice.Id, fileId, s.Driver.HeadOf(DepartmentCatalog.Quality))));
        Assert.Null(await s.WithAsync(db => s.Notices(db).FindEvidenceAsync(notice.Id + 1, fileId, s.Member)));
    }

    public static TheoryData<string, string, long> RefusedFiles() => new()
    {
        { "setup.exe", "application/octet-stream", 1_000 },
        { "报告.pdf", "application/pdf", EvidencePolicy.MaxSizeBytes + 1 },
        { "空白.pdf", "application/pdf", 0 },
        // The type is the policy's for the extension, never what the client claimed.
        { "照片.jpg", "application/pdf", 1_000 },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task Evidence_outside_the_case_evidence_limits_refuses_the_answer(string name, string type, long size)
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var notice = await s.IssueNoticeAsync();

        var result = await s.WithAsync(db => s.Notices(db).AnswerAsync(notice.Id, notice.Version, "原因", "措施", s.Driver.HeadOf(DepartmentCatalog.Quality),
            [Report(), Report(name, type, size)]));

        Assert.Equal(SupervisionError.EvidenceRefused, result.Error);
        Assert.Equal(NoticeStatus.Open, (await s.WithAsync(db => db.RectificationNotices.SingleAsync(n => n.Id == notice.Id))).Status);
        Assert.Equal(0, await s.WithAsync(db => db.NoticeEvidence.CountAsync()));
    }

    [Fact]
    public async Task More_files_than_an_answer_may_carry_are_refused()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var notice = await s.IssueNoticeAsync();
        var files = Enumerable.Range(0, RectificationNotice.MaxEvidencePerAnswer + 1).Select(i => Report($"报告{i}.pdf")).ToList();

        var result = await s.WithAsync(db => s.Notices(db).AnswerAsync(notice.Id, notice.Version, "原因", "措施", s.Driver.HeadOf(DepartmentCatalog.Quality), files));

        Assert.Equal(SupervisionError.EvidenceRefused, result.Error);
    }
}
