using ComplaintPortal.Domain.Archive;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Archive;

/// <summary>
/// The access-request register read from the database: each view, order and direction read a page at a time equals the
/// requests it selects sorted in memory; the counts agree; a person's own requests only; a search by number, name or purpose.
/// </summary>
public sealed class RequestRegisterTests : ArchiveTest
{
    private ActingUser Engineer => Driver.HandlerOf(DepartmentCatalog.Engineering);

    /// <summary>
    /// Six requests in every state: pending, on loan, on loan past its days, rejected, returned and revoked, from two people.
    /// Their first days are not in the order they were filed, and neither are their ends, so each order is its own.
    /// </summary>
    private async Task<(ArchiveAccessRequest[] All, ArchiveAccessRequest Late)> RequestsAsync()
    {
        var number = (await ArchivedCaseAsync()).ArchiveNumber;
        var scope = new AccessScope([number], null, null, null);
        var now = Driver.Time.GetUtcNow();

        async Task<ArchiveAccessRequest> File(ActingUser who, string purpose, int fromHours, int days)
        {
            var (error, request) = await WithAccessAsync(a => a.RequestAsync(who, purpose, scope, now.AddHours(fromHours), now.AddHours(fromHours).AddDays(days)));
            Assert.Equal(ArchiveError.None, error);
            return request!;
        }

        async Task Approve(ArchiveAccessRequest r) =>
            Assert.Equal(ArchiveError.None, await WithAccessAsync(a => a.ApproveAsync(Driver.Leader, r.Id, null, null, null, null)));

        var late = await File(Requester, "核对退货记录", 5, 2);
        await Approve(late);
        var waiting = await File(Requester, "质量追溯", 1, 4);
        var onLoan = await File(Engineer, "工艺复核", 3, 10);
        await Approve(onLoan);
        var rejected = await File(Engineer, "随便看看", 0, 6);
        Assert.Equal(ArchiveError.None, await WithAccessAsync(a => a.RejectAsync(Driver.Leader, rejected.Id, "目的不明")));
        var returned = await File(Requester, "年度复盘", 2, 8);
        await Approve(returned);
        Assert.Equal(ArchiveError.None, await WithAccessAsync(a => a.RecordReturnAsync(Archivist, returned.Id)));
        var revoked = await File(Engineer, "客户回访", 4, 3);
        await Approve(revoked);
        Assert.Equal(ArchiveError.None, await WithAccessAsync(a => a.RevokeAsync(Archivist, revoked.Id, "已不需要")));

        // Three days on, the two-day loan is past its days and not returned; the ten-day one still runs.
        Driver.Time.Advance(TimeSpan.FromDays(3));
        await using var db = Database.CreateContext();
        var all = await db.ArchiveAccessRequests.AsNoTracking().ToArrayAsync();
        return (all, all.Single(r => r.Id == late.Id));
    }

    private static bool In(ArchiveAccessRequest r, RequestShown shown, DateTimeOffset now) => shown switch
    {
        RequestShown.Pending => r.Status == AccessRequestStatus.Pending,
        RequestShown.OnLoan => r.Status == AccessRequestStatus.Approved,
        RequestShown.Overdue => r.Status == AccessRequestStatus.Approved && r.GrantedUntil <= now,
        RequestShown.Ended => r.Status is AccessRequestStatus.Rejected or AccessRequestStatus.Revoked or AccessRequestStatus.Returned,
        _ => true,
    };

    private static IEnumerable<ArchiveAccessRequest> Sorted(IEnumerable<ArchiveAccessRequest> requests, RequestOrder order, bool descending)
    {
        Func<ArchiveAccessRequest, DateTimeOffset> key = order switch
        {
            RequestOrder.From => r => r.RequestedFrom,
            RequestOrder.Until => r => r.GrantedUntil ?? r.RequestedUntil,
            _ => _ => default,
        };
        return descending ? requests.OrderByDescending(key).ThenByDescending(r => r.Id) : requests.OrderBy(key).ThenBy(r => r.Id);
    }

    private async Task<List<int>> ReadAllAsync(RequestFilter filter, RequestOrder order, bool descending)
    {
        await using var db = Database.CreateContext();
        var catalog = new ArchiveCatalog(db, Driver.Time, Feed);
        var ids = new List<int>();
        for (var skip = 0; ; skip += 2)
        {
            var (rows, total) = await catalog.RequestPageAsync(filter, order, descending, skip, 2);
            ids.AddRange(rows.Select(r => r.Id));
            if (skip + 2 >= total)
            {
                Assert.Equal(total, ids.Count);
                return ids;
            }
        }
    }

    [Fact]
    public async Task Every_view_in_every_order_read_a_page_at_a_time_is_what_it_selects_sorted_and_the_counts_agree()
    {
        var (all, late) = await RequestsAsync();
        var now = Driver.Time.GetUtcNow();
        foreach (var who in new[] { (string?)null, Requester.UserId })
        {
            var theirs = all.Where(r => who is null || r.RequesterUserId == who).ToArray();
            foreach (var shown in Enum.GetValues<RequestShown>())
            {
                var selected = theirs.Where(r => In(r, shown, now)).ToArray();
                foreach (var order in Enum.GetValues<RequestOrder>())
                {
                    foreach (var descending in new[] { false, true })
                    {
                        Assert.Equal(Sorted(selected, order, descending).Select(r => r.Id), await ReadAllAsync(new RequestFilter(shown, who), order, descending));
                    }
                }
            }

            await using var db = Database.CreateContext();
            var counts = await new ArchiveCatalog(db, Driver.Time, Feed).RequestCountsAsync(who);
            foreach (var shown in Enum.GetValues<RequestShown>())
            {
                Assert.Equal(theirs.Count(r => In(r, shown, now)), counts.Of(shown));
            }
        }

        // Everyone's: six in all, one waiting, two on loan of which one is late, three ended.
        await using (var db = Database.CreateContext())
        {
            Assert.Equal(new RequestViewCounts(6, 1, 2, 1, 3), await new ArchiveCatalog(db, Driver.Time, Feed).RequestCountsAsync());
        }

        Assert.Equal([late.Id], await ReadAllAsync(new RequestFilter(RequestShown.Overdue), RequestOrder.Until, false));
        // The orders differ: by number, by first day and by end, the six come in three different orders.
        var orders = await Task.WhenAll(Enum.GetValues<RequestOrder>().Select(o => ReadAllAsync(new RequestFilter(), o, false)));
        Assert.Equal(3, orders.Select(o => string.Join(',', o)).Distinct().Count());
    }

    [Fact]
    public async Task A_search_finds_a_request_by_its_number_with_or_without_the_prefix_and_by_part_of_the_requesters_name_or_purpose()
    {
        var (all, _) = await RequestsAsync();
        var third = all.OrderBy(r => r.Id).ElementAt(2);

        async Task<List<int>> Found(string search, string? who = null) => await ReadAllAsync(new RequestFilter(RequestShown.All, who, search), RequestOrder.Number, false);

        Assert.Equal([third.Id], await Found(third.Number));
        Assert.Equal([third.Id], await Found(third.Number.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal)));
        Assert.Equal([third.Id], await Found(third.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(all.Where(r => r.RequesterUserId == Engineer.UserId).Select(r => r.Id).Order(), await Found(Engineer.Name[^2..]));
        Assert.Equal(all.Where(r => r.Purpose == "质量追溯").Select(r => r.Id), await Found("追溯"));
        // A person's own requests only, even when the search names someone else's.
        Assert.Empty(await Found(third.Number, Requester.UserId));
        Assert.Empty(await Found("CY-999999"));
        Assert.Empty(await Found(new string('9', 40)));
    }
}
