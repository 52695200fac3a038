using ComplaintPortal.Domain.Organisation;
using ComplaintPortal.Tests.Components.Cases;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Tests.Workflow;
using ComplaintPortal.Web.Features.Organisation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Components.Organisation;

/// <summary>The organisation pages with their real services on a migrated database, signed in as an administrator.</summary>
internal static class OrganisationPageContext
{
    /// <remarks>Call it from the test method itself (not from an async helper) so the culture it pins holds there.</remarks>
    public static CasePageContext Administrator(TestDatabase database, CaseDriver driver)
    {
        var ctx = new CasePageContext("zh-Hans", database, driver, more: services =>
        {
            services.AddOrganisation();
            // The configuration import wakes the calendars' re-computation (not started here: nothing runs it in a component test).
            services.AddSingleton(Domain.Sla.WorkingCalendarCache.Shared);
            services.AddSingleton<ComplaintPortal.Web.Features.Deadlines.ProvisionalRecomputeService>();
        });
        ctx.SignIn("admin", PortalRoles.Administrator);
        return ctx;
    }

    /// <summary>Answers a message box (a confirmation) with the button that says <paramref name="text"/>.</summary>
    public static void Confirm(IRenderedComponent<IComponent> cut, string text) =>
        cut.WaitForElement(".mud-dialog .mud-dialog-actions").QuerySelectorAll("button")
            .Single(b => b.TextContent.Trim() == text).Click();
}
