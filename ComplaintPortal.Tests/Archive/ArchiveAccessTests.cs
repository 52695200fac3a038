using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Archive;

public sealed class ArchiveAccessTests : ArchiveTest
{
    [Fact]
    public async Task Nobody_reads_an_archived_file_without_approval_whatever_the_role_and_the_attempt_is_logged()
    {
        var file = await ArchivedCaseAsync();
        var everyone = new[] { Driver.Clerk, Driver.Leader, Driver.Outsider, Requester, Driver.HeadOf(DepartmentCatalog.Quality), Archivist, Admin };

        foreach (var user in everyone)
        {
            Assert.Null(await WithAccessAsync(a => a.ReadAsync(user, file.ArchiveNumber, Viewer)));
        }

        await using var db = Database.CreateContext();
        var log = await db.ArchiveAccessLog.ToListAsync();
        Assert.Equal(everyone.Length, log.Count);
        Assert.All(log, e => Assert.Equal(ArchiveAccessKind.Refused, e.Kind));
    }

    [Fact]
    public async Task Approval_grants_exactly_the_narrowed_files_and_period()
    {
        var one = await ArchivedCaseAsync();
        var two = await ArchivedCaseAsync();
        var now = Driver.Time.GetUtcNow();
        var (_, request) = await WithAccessAsync(a => a.RequestAsync(Requester, "质量追溯", Numbers(one.ArchiveNumber, two.ArchiveNumber), now, now.AddDays(10)));

        var error = await WithAccessAsync(a => a.ApproveAsync(Driver.Leader, request!.Id, [two.ArchiveNumber], now.AddDays(1), now.AddDays(3), "仅限一份"));

        Assert.Equal(ArchiveError.None, error);
        Assert.Null(await WithAccessAsync(a => a.ReadAsync(Requester, two.ArchiveNumber, Viewer)));
        Driver.Time.Advance(TimeSpan.FromDays(1));
        var view = await WithAccessAsync(a => a.ReadAsync(Requester, two.ArchiveNumber, Viewer));
        Assert.NotNull(view);
        Assert.Equal("王小明", view.Content!.Registration.ComplainantName);
        Assert.Null(await WithAccessAsync(a => a.ReadAsync(Requester, one.ArchiveNumber, Viewer)));
        Assert.Null(await WithAccessAsync(a => a.ReadAsync(Driver.Outsider, two.ArchiveNumber, Viewer)));
        Driver.Time.Advance(TimeSpan.FromDays(2));
        Assert.Null(await WithAccessAsync(a => a.ReadAsync(Requester, two.ArchiveNumber, Viewer)));

        await using var db = Database.CreateContext();
        var viewed = Assert.Single(await db.ArchiveAccessLog.Where(e => e.Kind == ArchiveAccessKind.ViewFile).ToListAsync());
        Assert.Equal((Requester.UserId, two.ArchiveNumber, request!.Id, "10.0.0.7", "质量部"),
            (viewed.UserId, viewed.ArchiveNumber, viewed.RequestId, viewed.Address, viewed.DepartmentName));
    }

    [Fact]
    public async Task A_leader_cannot_widen_a_request_approve_their_own_or_reject_without_a_reason()
    {
        var one = await ArchivedCaseAsync();
        var other = await ArchivedCaseAsync();
        var now = Driver.Time.GetUtcNow();
        var (_, request) = await WithAccessAsync(a => a.RequestAsync(Requester, "复核", Numbers(one.ArchiveNumber), now, now.AddDays(2)));
        var (_, own) = await WithAccessAsync(a => a.RequestAsync(Driver.Leader, "复核", Numbers(one.ArchiveNumber), now, now.AddDays(2)));

        Assert.Equal(ArchiveError.NotWithinRequest, await WithAccessAsync(a => a.ApproveAsync(Driver.Leader, request!.Id, [other.ArchiveNumber], null, null, null)));
        Assert.Equal(ArchiveError.NotWithinRequest, await WithAccessAsync(a => a.ApproveAsync(Driver.Leader, request!.Id, null, null, now.AddDays(5), null)));
        Assert.Equal(ArchiveError.NotPermitted, await WithAccessAsync(a => a.ApproveAsync(Archivist, request!.Id, null, null, null, null)));
        Assert.Equal(ArchiveError.OwnRequest, await WithAccessAsync(a => a.ApproveAsync(Driver.Leader, own!.Id, null, null, null, null)));
        Assert.Equal(ArchiveError.ReasonRequired, await WithAccessAsync(a => a.RejectAsync(Driver.Leader, request!.Id, " ")));
        Assert.Equal(ArchiveError.None, await WithAccessAsync(a => a.RejectAsync(Driver.Leader, request!.Id, "理由不充分")));
        Assert.Null(await WithAccessAsync(a => a.ReadAsync(Requester, one.ArchiveNumber, Viewer)));
    }

    [Fact]
    public async Task A_request_needs_a_purpose_known_numbers_and_a_future_period()
    {
        var file = await ArchivedCaseAsync();
        var now = Driver.Time.GetUtcNow();

        Assert.Equal(ArchiveError.PurposeRequired, (await WithAccessAsync(a => a.RequestAsync(Requester, " ", Numbers(file.ArchiveNumber), now, now.AddDays(1)))).Error);
        Assert.Equal(ArchiveError.UnknownNumbers, (await WithAccessAsync(a => a.RequestAsync(Requester, "p", Numbers("DA-2026-999999"), now, now.AddDays(1)))).Error);
        Assert.Equal(ArchiveError.ScopeRequired, (await WithAccessAsync(a => a.RequestAsync(Requester, "p", Numbers(), now, now.AddDays(1)))).Error);
        Assert.Equal(ArchiveError.PeriodInvalid, (await WithAccessAsync(a => a.RequestAsync(Requester, "p", Numbers(file.ArchiveNumber), now.AddDays(-3), now.AddDays(-1)))).Error);
    }

    [Fact]
    public async Task Revocation_cuts_access_at_once_and_tells_open_views()
    {
        var file = await ArchivedCaseAsync();
        var request = await ApprovedRequestAsync(Requester, Numbers(file.ArchiveNumber), TimeSpan.FromDays(3));
        Assert.NotNull(await WithAccessAsync(a => a.ReadAsync(Requester, file.ArchiveNumber, Viewer)));

        Assert.Equal(ArchiveError.NotPermitted, await WithAccessAsync(a => a.RevokeAsync(Requester, request.Id, null)));
        Assert.Equal(ArchiveError.None, await WithAccessAsync(a => a.RevokeAsync(Archivist, request.Id, "用途已完成")));

        Assert.Contains(Changes, c => c.Kind == ArchiveChangeKind.AccessEnded && c.RequestId == request.Id);
        Assert.Null(await WithAccessAsync(a => a.ReadAsync(Requester, file.ArchiveNumber, Viewer)));
    }

    [Fact]
    public async Task Recording_the_return_ends_access()
    {
        var file = await ArchivedCaseAsync();
        var request = await ApprovedRequestAsync(Requester, Numbers(file.ArchiveNumber), TimeSpan.FromDays(3));

        Assert.Equal(ArchiveError.None, await WithAccessAsync(a => a.RecordReturnAsync(Archivist, request.Id)));

        Assert.Null(await WithAccessAsync(a => a.ReadAsync(Requester, file.ArchiveNumber, Viewer)));
        await using var db = Database.CreateContext();
        var returned = await db.ArchiveAccessRequests.SingleAsync(r => r.Id == request.Id);
        Assert.Equal((AccessRequestStatus.Returned, Archivist.Name, Archivist.UserId, false),
            (returned.Status, returned.EndedByName, returned.EndedByUserId, returned.EndedByReader));
    }

    [Fact]
    public async Task The_reader_confirms_finishing_which_ends_access_and_signs_the_register_for_each_file()
    {
        var one = await ArchivedCaseAsync();
        var two = await ArchivedCaseAsync();
        var request = await ApprovedRequestAsync(Requester, Numbers(one.ArchiveNumber, two.ArchiveNumber), TimeSpan.FromDays(3));
        Assert.NotNull(await WithAccessAsync(a => a.ReadAsync(Requester, one.ArchiveNumber, Viewer)));

        // Only the reader confirms their own request (the clerk records a return instead).
        Assert.Equal(ArchiveError.NotPermitted, await WithAccessAsync(a => a.ConfirmFinishedAsync(Driver.Outsider, request.Id, Viewer)));
        Assert.Equal(ArchiveError.NotPermitted, await WithAccessAsync(a => a.ConfirmFinishedAsync(Archivist, request.Id, Viewer)));
        Assert.Equal(ArchiveError.None, await WithAccessAsync(a => a.ConfirmFinishedAsync(Requester, request.Id, Viewer with { DepartmentId = 42 })));

        Assert.Contains(Changes, c => c.Kind == ArchiveChangeKind.AccessEnded && c.RequestId == request.Id);
        Assert.Null(await WithAccessAsync(a => a.ReadAsync(Requester, two.ArchiveNumber, Viewer)));
        // Ended once: confirming again, or the clerk's return afterwards, is told it has ended.
        Assert.Equal(ArchiveError.WrongState, await WithAccessAsync(a => a.ConfirmFinishedAsync(Requester, request.Id, Viewer)));
        Assert.Equal(ArchiveError.WrongState, await WithAccessAsync(a => a.RecordReturnAsync(Archivist, request.Id)));

        await using var db = Database.CreateContext();
        var ended = await db.ArchiveAccessRequests.SingleAsync(r => r.Id == request.Id);
        Assert.Equal((AccessRequestStatus.Returned, Requester.Name, Requester.UserId, true), (ended.Status, ended.EndedByName, ended.EndedByUserId, ended.EndedByReader));
        // Both files granted, the one read and the one not, are signed for; with the reader's department and address.
        var signed = await db.ArchiveAccessLog.Where(e => e.Kind == ArchiveAccessKind.ReturnConfirmed).OrderBy(e => e.ArchiveNumber).ToListAsync();
        Assert.Equal(new[] { one.ArchiveNumber, two.ArchiveNumber }.Order(StringComparer.Ordinal), signed.Select(e => e.ArchiveNumber));
        Assert.All(signed, e => Assert.Equal((Requester.UserId, request.Id, "10.0.0.7", "质量部", (int?)42),
            (e.UserId, e.RequestId, e.Address, e.DepartmentName, e.DepartmentId)));
    }

    [Fact]
    public async Task Under_a_class_scope_the_reader_signs_for_the_files_they_read()
    {
        var closed = await ArchivedCaseAsync();
        var request = await ApprovedRequestAsync(Requester, new AccessScope([], null, closed.DepartmentId, 2026), TimeSpan.FromDays(1));
        Assert.NotNull(await WithAccessAsync(a => a.ReadAsync(Requester, closed.ArchiveNumber, Viewer)));

        Assert.Equal(ArchiveError.None, await WithAccessAsync(a => a.ConfirmFinishedAsync(Requester, request.Id, Viewer)));

        await using var db = Database.CreateContext();
        var signed = Assert.Single(await db.ArchiveAccessLog.Where(e => e.Kind == ArchiveAccessKind.ReturnConfirmed).ToListAsync());
        Assert.Equal(closed.ArchiveNumber, signed.ArchiveNumber);
    }

    [Fact]
    public async Task The_reader_s_confirmation_and_the_clerk_s_return_at_the_same_moment_end_the_access_once()
    {
        var file = await ArchivedCaseAsync();
        var request = await ApprovedRequestAsync(Requester, Numbers(file.ArchiveNumber), TimeSpan.FromDays(3));

        var results = await Task.WhenAll(
            Task.Run(() => WithAccessAsync(a => a.ConfirmFinishedAsync(Requester, request.Id, Viewer))),
            Task.Run(() => WithAccessAsync(a => a.RecordReturnAsync(Archivist, request.Id))));

        // One ends it; the other is told it changed, never silently written over it.
        Assert.Equal([ArchiveError.None, ArchiveError.WrongState], results.Order());
        await using var db = Database.CreateContext();
        var ended = await db.ArchiveAccessRequests.SingleAsync(r => r.Id == request.Id);
        var signed = await db.ArchiveAccessLog.CountAsync(e => e.Kind == ArchiveAccessKind.ReturnConfirmed);
        Assert.Equal(results[0] == ArchiveError.None ? (Requester.Name, 1) : (Archivist.Name, 0), (ended.EndedByName, signed));
    }

    [Fact]
    public async Task A_class_scope_covers_every_file_of_that_class_and_no_other()
    {
        var closed = await ArchivedCaseAsync();
        var withdrawn = await ArchivedCaseAsync(CaseStage.Withdrawn);
        var scope = new AccessScope([], null, closed.DepartmentId, 2026);
        await ApprovedRequestAsync(Requester, scope, TimeSpan.FromDays(1));

        Assert.NotNull(await WithAccessAsync(a => a.ReadAsync(Requester, closed.ArchiveNumber, Viewer)));
        Assert.Null(await WithAccessAsync(a => a.ReadAsync(Requester, withdrawn.ArchiveNumber, Viewer)));
    }

    [Fact]
    public async Task Evidence_preview_needs_the_same_approval_and_is_logged()
    {
        var (complaint, photo) = await WithdrawnCaseWithPhotoAsync();
        Driver.Time.Advance(Options.QuietPeriod + TimeSpan.FromMinutes(1));
        await ArchiveAsync();
        var file = await FileOfAsync(complaint.Id);
        var evidenceId = ArchiveContent.FromJson(file.Versions[0].Content)!.Evidence[0].EvidenceId;

        Assert.Null(await WithAccessAsync(a => a.PreviewEvidenceAsync(Requester, file.ArchiveNumber, evidenceId, Viewer)));
        await ApprovedRequestAsync(Requester, Numbers(file.ArchiveNumber), TimeSpan.FromDays(1));
        var seal = await WithAccessAsync(a => a.PreviewEvidenceAsync(Requester, file.ArchiveNumber, evidenceId, Viewer));

        Assert.Equal(photo.StoredName, seal!.StoredName);
        await using var db = Database.CreateContext();
        Assert.Single(await db.ArchiveAccessLog.Where(e => e.Kind == ArchiveAccessKind.PreviewEvidence && e.Detail == photo.FileName).ToListAsync());
    }
}
