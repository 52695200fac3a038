using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Supervision;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Supervision;

/// <summary>The rectification notices' register: read a page at a time, sorted, filtered and counted on the database.</summary>
public sealed class NoticeRegisterTests
{
    [Fact]
    public async Task Pages_in_every_view_and_order_add_up_to_the_notices_the_viewer_may_see_and_the_counts_agree()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var issued = await s.IssueNoticesAsync(5);
        var (quality, engineering) = (s.Driver.HeadOf(DepartmentCatalog.Quality), s.Driver.HeadOf(DepartmentCatalog.Engineering));
        // The first (Quality's) answered; the second (Engineering's) answered and closed; the other three still open.
        s.SetLocal("2026-04-13 09:00");
        Assert.True((await s.WithAsync(db => s.Notices(db).AnswerAsync(issued[0].Id, issued[0].Version, "原因", "措施", quality))).Succeeded);
        var answered = (await s.WithAsync(db => s.Notices(db).AnswerAsync(issued[1].Id, issued[1].Version, "原因", "措施", engineering))).Value!;
        Assert.True((await s.WithAsync(db => s.Notices(db).VerifyAsync(issued[1].Id, answered.Version, accept: true, null, s.Member))).Succeeded);
        var now = s.SetLocal("2026-04-15 12:00");

        var numbers = await s.WithAsync(db => db.Complaints.ToDictionaryAsync(c => c.Id, c => c.CaseNumber));
        var notices = await s.WithAsync(db => db.RectificationNotices.AsNoTracking().ToListAsync());
        // Later issued, sooner due: sorting by the one is not sorting by the other.
        Assert.NotEqual(notices.OrderBy(n => n.IssuedAt).Select(n => n.Id), notices.OrderBy(n => n.DueAt).Select(n => n.Id));
        Assert.Equal(2, notices.Count(n => n.IsOverdue(now)));
        Assert.Contains(notices, n => n.Status == NoticeStatus.Open && !n.IsOverdue(now));

        bool InView(RectificationNotice n, NoticeShown shown) => shown switch
        {
            NoticeShown.Open => n.Status == NoticeStatus.Open,
            NoticeShown.Answered => n.Status == NoticeStatus.Answered,
            NoticeShown.Closed => n.Status == NoticeStatus.Closed,
            NoticeShown.Overdue => n.IsOverdue(now),
            _ => true,
        };
        IEnumerable<RectificationNotice> Sorted(IEnumerable<RectificationNotice> list, NoticeOrder order, bool descending)
        {
            var ascending = order switch
            {
                NoticeOrder.IssuedAt => list.OrderBy(n => n.IssuedAt).ThenBy(n => n.Id),
                NoticeOrder.CaseNumber => list.OrderBy(n => numbers[n.ComplaintId], StringComparer.Ordinal).ThenBy(n => n.Id),
                _ => list.OrderBy(n => n.DueAt).ThenBy(n => n.Id),
            };
            return descending ? ascending.Reverse() : ascending;
        }

        var viewers = new (ActingUser Who, Func<RectificationNotice, bool> Sees)[]
        {
            (s.Member, _ => true),
            (s.Driver.Leader, _ => true),
            (quality, n => n.DepartmentId == quality.DepartmentId),
            (s.Driver.HandlerOf(DepartmentCatalog.Engineering), n => n.DepartmentId == engineering.DepartmentId),
            (s.Driver.Clerk, _ => false),
        };
        foreach (var (who, sees) in viewers)
        {
            var counts = await s.WithAsync(db => s.Notices(db).CountsAsync(who));
            foreach (var shown in Enum.GetValues<NoticeShown>())
            {
                var inView = notices.Where(n => sees(n) && InView(n, shown)).ToList();
                Assert.True(inView.Count == counts.Of(shown), $"{who.Name} {shown}: {counts}");
                foreach (var order in Enum.GetValues<NoticeOrder>())
                {
                    foreach (var descending in new[] { false, true })
                    {
                        var read = new List<NoticeRow>();
                        for (var skip = 0; skip < Math.Max(inView.Count, 1); skip += 2)
                        {
                            var (rows, total) = await s.WithAsync(db => s.Notices(db).PageAsync(who, new NoticeFilter(shown), order, descending, skip, 2));
                            Assert.Equal(inView.Count, total);
                            read.AddRange(rows);
                        }

                        Assert.Equal(Sorted(inView, order, descending).Select(n => n.Id), read.Select(r => r.Id));
                        Assert.All(read, r => Assert.Equal(numbers[r.ComplaintId], r.CaseNumber));
                    }
                }
            }
        }

        // One department's, and a case number's last digits.
        var (ofEngineering, _) = await s.WithAsync(db => s.Notices(db).PageAsync(s.Member, new NoticeFilter(DepartmentId: engineering.DepartmentId),
            NoticeOrder.DueAt, false, 0, 10));
        Assert.Equal(notices.Where(n => n.DepartmentId == engineering.DepartmentId).Select(n => n.Id).Order(), ofEngineering.Select(r => r.Id).Order());
        Assert.Equal(2, (await s.WithAsync(db => s.Notices(db).CountsAsync(s.Member, engineering.DepartmentId))).All);
        var third = numbers[issued[2].ComplaintId];
        var (byNumber, found) = await s.WithAsync(db => s.Notices(db).PageAsync(s.Member, new NoticeFilter(CaseNumber: " " + third[^4..] + " "),
            NoticeOrder.DueAt, false, 0, 10));
        Assert.Equal((1, issued[2].Id), (found, Assert.Single(byNumber).Id));
        var (none, _) = await s.WithAsync(db => s.Notices(db).PageAsync(quality, new NoticeFilter(CaseNumber: numbers[issued[1].ComplaintId]), NoticeOrder.DueAt, false, 0, 10));
        Assert.Empty(none);
    }
}
