using ComplaintPortal.Web.Features.Privacy;

namespace ComplaintPortal.Tests.Web.Privacy;

public sealed class PageViewOnceTests
{
    [Fact]
    public void The_interactive_run_after_a_prerender_of_the_same_case_is_the_same_look()
    {
        var prerender = new PageViewOnce();
        Assert.True(prerender.IsNewView("KS-2026-000001", interactive: false));

        // The circuit's instance receives the persisted case.
        var circuit = new PageViewOnce { Prerendered = prerender.Prerendered };

        Assert.False(circuit.IsNewView("KS-2026-000001", interactive: true));
    }

    [Fact]
    public void A_reload_after_a_step_is_the_same_look_and_another_case_is_a_new_one()
    {
        var page = new PageViewOnce();

        Assert.True(page.IsNewView("KS-2026-000001", interactive: true));
        Assert.False(page.IsNewView("KS-2026-000001", interactive: true));
        Assert.True(page.IsNewView("KS-2026-000002", interactive: true));
        Assert.True(page.IsNewView("KS-2026-000001", interactive: true));
    }

    [Fact]
    public void A_case_opened_in_the_circuit_without_a_prerender_is_a_new_look()
    {
        var circuit = new PageViewOnce { Prerendered = "KS-2026-000001" };

        Assert.True(circuit.IsNewView("KS-2026-000002", interactive: true));
    }
}
