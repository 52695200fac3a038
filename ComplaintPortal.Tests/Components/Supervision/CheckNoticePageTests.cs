using ComplaintPortal.Domain.Notifications;
using ComplaintPortal.Tests.Supervision;
using ComplaintPortal.Web.Features.Supervision;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Components.Supervision;

/// <summary>A check given to a member, opened by them from anywhere (not only their queue), reads the notice that gave it.</summary>
public sealed class CheckNoticePageTests
{
    [Fact]
    public async Task Opening_a_check_given_to_the_member_reads_the_notice_of_its_draw_and_no_other()
    {
        await using var s = await SupervisionScenario.CreateAsync();
        var (_, checkedDraw, quarter) = await s.ThreeDrawsAsync();
        await s.AddCommitteeAccountsAsync();
        var quarterCase = await s.WithAsync(db => db.SampledCases.Where(c => c.SampleDrawId == quarter).OrderBy(c => c.DrawOrder).Select(c => c.Id).FirstAsync());
        var otherCase = await s.WithAsync(db => db.SampledCases
            .Where(c => c.SampleDrawId == checkedDraw && c.CheckedAt == null).OrderBy(c => c.DrawOrder).Select(c => c.Id).FirstAsync());
        Assert.True((await s.AssignAsync(quarter, [quarterCase], s.Member.UserId, s.OtherMember)).Succeeded);
        Assert.True((await s.AssignAsync(checkedDraw, [otherCase], s.Member.UserId, s.OtherMember)).Succeeded);
        Task<List<int?>> UnreadDrawsAsync() => s.WithAsync(async db =>
            (await new NoticeBook(db).UnreadAsync(s.Member)).Select(n => n.SampleDrawId).Order().ToList());
        Assert.Equal([checkedDraw, quarter], await UnreadDrawsAsync());

        await using var context = SupervisionPages.NewContext(s);
        var page = context.RenderPage<Check>(("Id", quarterCase));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=check-item]")));

        Assert.Equal([checkedDraw], await UnreadDrawsAsync());
    }
}
