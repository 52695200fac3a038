using System.Globalization;
using System.Net;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Ledger;
using ComplaintPortal.Web.Resources;

namespace ComplaintPortal.Tests.Web;

public sealed class LedgerPageTests : IClassFixture<LedgerPageTests.App>
{
    private readonly App app;

    public LedgerPageTests(App app) => this.app = app;

    [Fact]
    public async Task The_case_page_says_when_the_last_events_were_cut_off()
    {
        var actions = new AppActions(app.Services);
        var complaint = await actions.RegisterAsync();
        await actions.DoAsync(complaint.Id, WorkflowAction.MarkInvalid, new() { Note = "重复来电" }, "intake");
        var insider = new LedgerInsider(app.Database);
        await insider.DropTriggersAsync();

        await insider.CutLastEventAsync(complaint.Id, moveHead: false);

        var page = await (await app.SignedInAsync("intake")).GetStringAsync("/cases/" + complaint.CaseNumber);
        var zh = new CultureInfo("zh-Hans");
        Assert.Contains(WebUtility.HtmlEncode(LedgerText.ResourceManager.GetString("LedgerBreak_Truncated", zh)!), page, StringComparison.Ordinal);
    }

    public sealed class App : PortalAppFactory;
}
