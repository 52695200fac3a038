using System.Net;
using System.Net.Http.Json;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Features.Cases;

namespace ComplaintPortal.Tests.Web.Cases;

public sealed class IntakeApiTests : IClassFixture<IntakeApiTests.App>
{
    private static readonly object Body = new
    {
        channel = "Online",
        complainant = new { name = "赵先生", phone = "18600002222" },
        subject = new { orderNumber = "0755-8888" },
        description = "话费多扣",
        confirmedWithCaller = false,
    };

    private readonly App app;

    public IntakeApiTests(App app) => this.app = app;

    [Fact]
    public async Task Retried_call_with_the_same_idempotency_key_returns_the_first_case()
    {
        var clerk = await app.SignedInAsync("intake");

        var first = await PostAsync(clerk, Body, "order-42");
        var retry = await PostAsync(clerk, Body, "order-42");
        var other = await PostAsync(clerk, Body, "order-43");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        var created = await first.Content.ReadFromJsonAsync<IntakeApiResponse>();
        var again = await retry.Content.ReadFromJsonAsync<IntakeApiResponse>();
        Assert.Equal(created, again);
        Assert.Equal("Registered", created!.Stage);
        Assert.Equal("/cases/" + created.CaseNumber, first.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Invalid_record_gets_the_same_validation_as_the_page()
    {
        var clerk = await app.SignedInAsync("intake");
        var response = await PostAsync(clerk, new { channel = "Pigeon", complainant = new { name = "" } }, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var errors = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.Equal(
            ["channel", "complainant", "complainant.name", "description"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Only_intake_clerks_may_register()
    {
        var handler = await app.SignedInAsync("handler.qa");
        var response = await PostAsync(handler, Body, "x");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    public sealed class App : PortalAppFactory;
}
