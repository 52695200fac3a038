using System.Net;
using System.Reflection;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Web;

/// <summary>The first administrator picks the starter regime on the set-up page; a demo server names it in configuration.</summary>
public class SetupStarterTests
{
    [Fact]
    public async Task The_first_administrator_sets_the_portal_up_as_a_shopping_plaza()
    {
        using var app = new PortalAppFactory("Production");
        var client = app.CreatePortalClient();
        Assert.Contains("data-test=\"setup-starter\"", await client.GetStringAsync("/setup"), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Departments.CountAsync()));

        var code = (string)typeof(FirstAdministratorSetup).GetField("setupCode", BindingFlags.NonPublic | BindingFlags.Instance)!
            .GetValue(app.Services.GetRequiredService<FirstAdministratorSetup>())!;
        var response = await client.PostFormAsync("/setup", "setup", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.UserName"] = "plaza.admin",
            ["Input.DisplayName"] = "物业管理员",
            ["Input.Password"] = "Plaza#Admin2026",
            ["Input.Starter"] = "plaza",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var intake = await app.WithDbAsync(db => db.Departments.SingleAsync(d => d.Kind == DepartmentKind.CustomerService));
        Assert.Equal("物业部（客服中心）", intake.NameZhHans);
        Assert.Equal("plaza", await app.WithDbAsync(db => db.OrganisationProfiles.Select(p => p.StarterCode).SingleAsync()));
        Assert.Equal(7, await app.WithDbAsync(db => db.RepairCategories.CountAsync()));
    }

    [Fact]
    public async Task A_demo_server_follows_its_configured_starter_with_that_regime_demo_accounts_in_their_teams()
    {
        using var app = new PortalAppFactory { Settings = { ["Demo:Starter"] = "manufacturer" } };

        var admin = await app.SignedInAsync("admin");
        var page = await admin.GetStringAsync("/admin/sla-policies");

        Assert.Contains("data-test=\"starter-defaults\"", page, StringComparison.Ordinal);
        Assert.NotNull(await app.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.UserName == "head.rnd")));
        Assert.Equal("客服部", await app.WithDbAsync(db => db.Departments.Where(d => d.Code == DepartmentCatalog.CustomerService).Select(d => d.NameZhHans).SingleAsync()));
        var head = await app.WithDbAsync(db => db.Departments.Where(d => d.Code == DepartmentCatalog.RnD).Select(d => d.HeadUserId).SingleAsync());
        Assert.NotNull(head);
        // Demo people belong to their department's teams, so assignment shows the teams.
        var lab = await app.WithDbAsync(db => db.TeamMembers.Where(m => db.Teams.Any(t => t.Id == m.TeamId && t.Code == "QA.LAB"))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.UserName).ToListAsync());
        Assert.Equal(["handler.qa"], lab);
    }

    [Fact]
    public async Task The_checklist_made_at_set_up_says_so_in_words_not_by_the_account_id()
    {
        using var app = new PortalAppFactory();
        var admin = await app.SignedInAsync("admin");

        var page = await admin.GetStringAsync("/admin/checklists");

        var version = System.Text.RegularExpressions.Regex.Match(page, "data-test=\"checklist-version\"[^>]*>(?<text>[^<]+)<").Groups["text"].Value;
        Assert.Contains("系统（初始化）", version, StringComparison.Ordinal);
        Assert.DoesNotContain("system", version, StringComparison.Ordinal);
    }
}
