using System.Globalization;
using System.Net;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Web;

public sealed class DisplayNameTests : IClassFixture<DisplayNameTests.App>
{
    private readonly App app;

    public DisplayNameTests(App app) => this.app = app;

    [Fact]
    public async Task A_display_name_with_a_control_character_is_refused_naming_the_field_and_no_account_is_made()
    {
        var admin = await app.SignedInAsync("admin");

        var response = await admin.PostFormAsync("/admin/users", "create-user", new()
        {
            ["Input.UserName"] = "bell.user",
            ["Input.DisplayName"] = "响铃\u0007用户",
            ["Input.Password"] = "Strong#Pass2026",
            ["roles"] = PortalRoles.DepartmentHandler,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var zh = new CultureInfo("zh-Hans");
        var expected = string.Format(zh, InputText.ResourceManager.GetString("Input_ControlCharacters", zh)!, UiText.ResourceManager.GetString("Admin_DisplayName", zh));
        Assert.Contains(WebUtility.HtmlEncode(expected), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "bell.user")));
    }

    public sealed class App : PortalAppFactory;
}
