using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Board;
using ComplaintPortal.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// Two instances of one deployment (two real hosts of the portal) on one database file, as
/// docs/decisions/0007-several-instances.md lays out: the ledger carries changes from one to the other's
/// live boards, and the key ring in the database lets either read the other's cookies and tokens.
/// </summary>
public sealed class SeveralInstancesTests : IDisposable
{
    private readonly PortalAppFactory first = new();
    private readonly PortalAppFactory second;

    public SeveralInstancesTests()
    {
        second = new PortalAppFactory(first.Database);
        // Both running (their relays started) before anything is committed.
        _ = first.Services;
        _ = second.Services;
    }

    [Fact]
    public async Task A_change_committed_on_one_instance_reaches_the_board_feed_of_the_other_for_its_audiences_only()
    {
        var actionsOnFirst = new AppActions(first.Services);
        var onSecond = new AppActions(second.Services);
        var feed = second.Services.GetRequiredService<BoardChangeFeed>();
        using var leader = feed.Subscribe(PrincipalOf(await onSecond.UserAsync("leader")));
        using var quality = feed.Subscribe(PrincipalOf(await onSecond.UserAsync("handler.qa")));
        using var engineering = feed.Subscribe(PrincipalOf(await onSecond.UserAsync("handler.eng")));

        var complaint = await actionsOnFirst.AcknowledgedCaseAsync();
        await actionsOnFirst.DispatchAsync(complaint.Id, DepartmentCatalog.Quality);

        // The leader's board hears of the case from registration on; quality's of the dispatch to it.
        Assert.Equal(complaint.Id, (await NextRowAsync(leader)).ComplaintId);
        var dispatched = await NextRowAsync(quality);
        Assert.Equal(complaint.Id, dispatched.ComplaintId);
        Assert.Equal(ComplaintPortal.Domain.Cases.CaseStage.InDepartments, dispatched.Row!.Stage);

        // Engineering hears of its own case, dispatched later through the first instance, and of nothing before it.
        var own = await actionsOnFirst.AcknowledgedCaseAsync();
        await actionsOnFirst.DispatchAsync(own.Id, DepartmentCatalog.Engineering);
        var heard = new List<int>();
        while (!heard.Contains(own.Id))
        {
            heard.Add((await NextRowAsync(engineering)).ComplaintId);
        }

        Assert.DoesNotContain(complaint.Id, heard);
    }

    [Fact]
    public async Task A_sign_in_and_an_antiforgery_token_issued_by_one_instance_are_accepted_by_the_other()
    {
        var onFirst = first.CreatePortalClient();
        var page = await onFirst.GetAsync("/account/login");
        var token = PortalClient.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token,
                ["Input.UserName"] = "intake", ["Input.Password"] = DemoAccounts.Password,
            }),
        };
        post.Headers.Add("Cookie", CookiesOf(page));

        // The form from the first instance, posted to the second: its token and cookie decrypt there.
        var signedIn = await second.CreatePortalClient().SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.AbsolutePath);

        // The session the second instance issued registers a case through the first.
        using var register = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
        {
            Content = new StringContent("{\"channel\":\"Hotline\",\"complainant\":{\"name\":\"王小明\",\"phone\":\"13812345678\"},\"description\":\"漏电\",\"confirmedWithCaller\":true}"),
        };
        register.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        register.Headers.Add("Cookie", CookiesOf(signedIn));
        Assert.Equal(HttpStatusCode.Created, (await first.CreatePortalClient().SendAsync(register)).StatusCode);
    }

    public void Dispose()
    {
        second.Dispose();
        first.Dispose();
    }

    private static Func<Task<ClaimsPrincipal>> PrincipalOf(ComplaintPortal.Domain.Workflow.ActingUser user)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.UserId), .. user.Roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));
        return () => Task.FromResult(principal);
    }

    private static async Task<BoardRowChanged> NextRowAsync(BoardSubscription board)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await board.Updates.ReadAsync(timeout.Token) is BoardRowChanged { Row: not null } change)
            {
                return change;
            }
        }
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
}
