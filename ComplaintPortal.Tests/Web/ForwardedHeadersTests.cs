using System.Net;
using ComplaintPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplaintPortal.Tests.Web;

public class ForwardedHeadersTests
{
    [Fact]
    public async Task Behind_a_tls_proxy_the_forwarded_scheme_counts_as_https()
    {
        using var app = new PortalAppFactory("Production");
        app.Settings["ForwardedHeaders:Enabled"] = "true";
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        var direct = await client.GetAsync("/account/login");
        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        viaProxy.Headers.Add("X-Forwarded-Proto", "https");
        var proxied = await client.SendAsync(viaProxy);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, direct.StatusCode);
        Assert.Equal("https", direct.Headers.Location!.Scheme);
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
    }
}
