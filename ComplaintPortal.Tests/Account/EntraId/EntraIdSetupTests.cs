using ComplaintPortal.Web.Features.Setup;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintPortal.Tests.Account.EntraId;

public class EntraIdSetupTests
{
    [Fact]
    public async Task Entra_id_mode_offers_no_local_first_administrator_setup()
    {
        using var app = new EntraIdApp();
        var client = app.CreatePortalClient();

        var page = await client.GetStringAsync("/setup");

        Assert.False(app.Services.GetRequiredService<FirstAdministratorSetup>().IsPending);
        Assert.Contains("data-test=\"setup-closed\"", page, StringComparison.Ordinal);
    }
}
