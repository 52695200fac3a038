using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ComplaintPortal.Tests.Components.Admin;

/// <summary>The administrator's password reset dialog; saving is the page's, here a recording stand-in.</summary>
public sealed class ResetPasswordDialogTests : IAsyncLifetime
{
    private const string Typed = "Typed#Secret2026";

    private readonly PortalComponentContext ctx = new("en");
    private readonly List<string> saved = [];
    private IdentityResult answer = IdentityResult.Success;

    [Fact]
    public async Task Repeated_password_must_match_before_anything_is_saved()
    {
        var dialog = await OpenAsync();

        Fill(dialog, "new-password", Typed);
        Fill(dialog, "confirm-password", "Something#Else2026");
        await dialog.Find("button[data-test=set-password], [data-test=set-password] button").ClickAsync(new());

        Assert.Empty(saved);
        Assert.Contains("The two passwords do not match.", dialog.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_password_shows_the_policy_on_its_field_and_is_cleared()
    {
        answer = IdentityResult.Failed(new IdentityError { Code = nameof(IdentityErrorDescriber.PasswordTooShort), Description = "The password must be at least 10 characters long." });
        var dialog = await OpenAsync();

        Fill(dialog, "new-password", Typed);
        Fill(dialog, "confirm-password", Typed);
        await dialog.Find("button[data-test=set-password], [data-test=set-password] button").ClickAsync(new());

        Assert.Equal([Typed], saved);
        var field = dialog.Find("input[data-test=new-password], [data-test=new-password] input").Closest(".mud-input-control")!;
        Assert.Contains("The password must be at least 10 characters long.", field.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Typed, dialog.Markup, StringComparison.Ordinal);
    }

    private async Task<IRenderedComponent<IComponent>> OpenAsync()
    {
        var host = ctx.RenderWithProviders(_ => { });
        var parameters = new DialogParameters<ResetPasswordDialog>
        {
            { d => d.UserName, "supervisor" },
            {
                d => d.Reset, password =>
                {
                    saved.Add(password);
                    return Task.FromResult(answer);
                }
            },
        };
        await host.InvokeAsync(() => ctx.Services.GetRequiredService<IDialogService>().ShowAsync<ResetPasswordDialog>("Reset", parameters));
        host.WaitForElement("[data-test=reset-password-dialog]", TimeSpan.FromSeconds(30));
        return host;
    }

    private static void Fill(IRenderedComponent<IComponent> dialog, string field, string value) =>
        dialog.Find($"input[data-test={field}], [data-test={field}] input").Change(value);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await ctx.DisposeAsync();
}
