using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ComplaintPortal.Tests.Components.Admin;

/// <summary>The create-account dialog as an administrator fills it in; saving is the page's, here a recording stand-in.</summary>
public sealed class CreateUserDialogTests : IAsyncLifetime
{
    private const string Password = "Secret#Typed2026";

    private readonly PortalComponentContext ctx = new("en");
    private readonly List<NewUser> saved = [];
    private IdentityResult answer = IdentityResult.Success;

    [Fact]
    public async Task Email_is_optional()
    {
        var dialog = await OpenAsync();

        Fill(dialog, "new-username", "liu.yang");
        Fill(dialog, "new-display", "Liu Yang");
        Fill(dialog, "new-password", Password);
        Tick(dialog, PortalRoles.DepartmentHandler);
        await ClickCreateAsync(dialog);

        var user = Assert.Single(saved);
        Assert.Null(user.Email);
        Assert.Equal([PortalRoles.DepartmentHandler], user.Roles);
        Assert.Empty(dialog.FindAll("[data-test=create-user-dialog]"));
    }

    [Fact]
    public async Task Account_without_a_role_shows_the_error_on_the_roles_field_and_is_not_saved()
    {
        var dialog = await OpenAsync();

        Fill(dialog, "new-username", "nobody");
        Fill(dialog, "new-display", "Nobody");
        Fill(dialog, "new-password", Password);
        await ClickCreateAsync(dialog);

        Assert.Empty(saved);
        Assert.Contains("Choose at least one role.", dialog.Find("[data-test=roles-field]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_password_shows_the_policy_on_its_field_and_is_never_sent_back()
    {
        answer = IdentityResult.Failed(new IdentityError { Code = nameof(IdentityErrorDescriber.PasswordRequiresDigit), Description = "The password must contain a digit." });
        var dialog = await OpenAsync();

        Fill(dialog, "new-username", "weak.user");
        Fill(dialog, "new-display", "Weak");
        Fill(dialog, "new-password", Password);
        Tick(dialog, PortalRoles.IntakeClerk);
        await ClickCreateAsync(dialog);

        Assert.Single(saved);
        var passwordField = dialog.Find("input[data-test=new-password], [data-test=new-password] input").Closest(".mud-input-control")!;
        Assert.Contains("The password must contain a digit.", passwordField.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, dialog.Markup, StringComparison.Ordinal);
        Assert.Contains("weak.user", dialog.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_user_name_keeps_the_password_typed_so_fixing_the_name_is_all_it_takes()
    {
        answer = IdentityResult.Failed(new IdentityError { Code = nameof(IdentityErrorDescriber.DuplicateUserName), Description = "User name 'intake' is already taken." });
        var dialog = await OpenAsync();

        Fill(dialog, "new-username", "intake");
        Fill(dialog, "new-display", "Second clerk");
        Fill(dialog, "new-password", Password);
        Tick(dialog, PortalRoles.IntakeClerk);
        await ClickCreateAsync(dialog);

        var nameField = dialog.Find("input[data-test=new-username], [data-test=new-username] input").Closest(".mud-input-control")!;
        Assert.Contains("already taken", nameField.TextContent, StringComparison.Ordinal);
        answer = IdentityResult.Success;
        Fill(dialog, "new-username", "intake.2");
        await ClickCreateAsync(dialog);

        Assert.Equal(2, saved.Count);
        Assert.Equal(("intake.2", Password), (saved[1].UserName, saved[1].Password));
    }

    [Fact]
    public async Task A_handler_without_a_department_is_told_so_on_the_department_field()
    {
        answer = IdentityResult.Failed(new IdentityError { Code = UserAdministration.DepartmentRequiredCode, Description = "A department handler or head belongs to a department: choose it." });
        var dialog = await OpenAsync();

        Fill(dialog, "new-username", "liu.yang");
        Fill(dialog, "new-display", "Liu Yang");
        Fill(dialog, "new-password", Password);
        Tick(dialog, PortalRoles.DepartmentHandler);
        await ClickCreateAsync(dialog);

        var departmentField = dialog.Find("[data-test=new-department]").Closest(".mud-input-control")!;
        Assert.Contains("belongs to a department", departmentField.TextContent, StringComparison.Ordinal);
        Assert.Empty(dialog.FindAll("[data-test=create-error]"));
    }

    private async Task<IRenderedComponent<Microsoft.AspNetCore.Components.IComponent>> OpenAsync()
    {
        var host = ctx.RenderWithProviders(_ => { });
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<CreateUserDialog>
        {
            { d => d.Departments, Array.Empty<Department>() },
            {
                d => d.Create, user =>
                {
                    saved.Add(user);
                    return Task.FromResult(answer);
                }
            },
        };
        await host.InvokeAsync(() => dialogs.ShowAsync<CreateUserDialog>("Create user", parameters));
        host.WaitForElement("[data-test=create-user-dialog]", TimeSpan.FromSeconds(30));
        return host;
    }

    private static void Fill(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> dialog, string field, string value) =>
        dialog.Find($"input[data-test={field}], [data-test={field}] input").Change(value);

    private static void Tick(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> dialog, string role) =>
        dialog.Find($"input[data-role-option={role}], [data-role-option={role}] input").Change(true);

    private static async Task ClickCreateAsync(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> dialog) =>
        await dialog.Find("button[data-test=create-user], [data-test=create-user] button").ClickAsync(new());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await ctx.DisposeAsync();
}
