using System.Globalization;
using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Admin;
using ComplaintPortal.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Web;

public sealed class DisplayNameTests : IClassFixture<DisplayNameTests.App>
{
    private readonly App app;

    public DisplayNameTests(App app) => this.app = app;

    [Fact]
    public async Task A_display_name_with_a_control_character_is_refused_naming_the_field_and_no_account_is_made()
    {
        var previous = CultureInfo.CurrentUICulture;
        var zh = new CultureInfo("zh-Hans");
        CultureInfo.CurrentUICulture = zh;
        try
        {
            // What the interactive create-user dialog calls.
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(new NewUser
            {
                UserName = "bell.user", DisplayName = "响铃\u0007用户", Password = "Strong#Pass2026", Roles = [PortalRoles.IntakeClerk],
            });

            Assert.False(result.Succeeded);
            var field = UiText.ResourceManager.GetString("Admin_DisplayName", zh)!;
            Assert.Contains(result.Errors, e => e.Description.Contains(field, StringComparison.Ordinal));
            Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "bell.user")));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public sealed class App : PortalAppFactory;
}
