using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Domain.Workflow;
using ComplaintPortal.Web.Features.Cases;
using Microsoft.Extensions.DependencyInjection;
using ComplaintPortal.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Web;

/// <summary>Hostile input through the real pipeline: never a 500, the field named, nothing stored half-way.</summary>
public sealed class BadInputTests : IClassFixture<BadInputTests.App>
{
    private readonly App app;

    public BadInputTests(App app) => this.app = app;

    [Theory]
    [InlineData("{\"channel\": \"Online\", \"description\": ")]
    [InlineData("{\"channel\": \"Online\",, }")]
    [InlineData("not json at all")]
    public async Task Malformed_json_answers_400_with_a_problem_document(string body)
    {
        var response = await PostJsonAsync(await app.SignedInAsync("intake"), body, "en");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ProblemAsync(response);
        Assert.Equal(InText("Problem_Title", "en"), problem.GetProperty("title").GetString());
        Assert.Contains("JSON", problem.GetProperty("errors").GetProperty("$")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_its_field_in_the_callers_language()
    {
        const string body = "{\"channel\": \"Online\", \"complainant\": {\"name\": 42}, \"description\": \"x\"}";
        var clerk = await app.SignedInAsync("intake");

        var english = await ProblemAsync(await PostJsonAsync(clerk, body, "en"));
        var chinese = await ProblemAsync(await PostJsonAsync(clerk, body, "zh-CN"));

        Assert.True(english.GetProperty("errors").TryGetProperty("complainant.name", out _));
        Assert.Equal(InText("Problem_Title", "zh-Hans"), chinese.GetProperty("title").GetString());
        Assert.NotEqual(english.GetProperty("title").GetString(), chinese.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Invalid_utf8_in_a_value_answers_400_with_a_problem_document()
    {
        byte[] body = [.. "{\"channel\": \"Online\", \"description\": \""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await (await app.SignedInAsync("intake")).SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Deeply_nested_json_is_refused_before_binding()
    {
        var body = "{\"complainant\": " + string.Concat(Enumerable.Repeat("{\"a\": ", 5000)) + "1" + new string('}', 5000) + "}";

        var response = await PostJsonAsync(await app.SignedInAsync("intake"), body, "en");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await ProblemAsync(response)).GetProperty("errors").GetProperty("$")[0].GetString();
        Assert.Contains("16", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_content_type_and_empty_body_get_problem_documents_too()
    {
        var clerk = await app.SignedInAsync("intake");
        using var text = new StringContent("{}", Encoding.UTF8, "text/plain");
        var wrongType = await clerk.PostAsync("/api/complaints", text);
        var empty = await PostJsonAsync(clerk, "", "en");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal("application/problem+json", wrongType.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_100000_character_description_is_refused_naming_the_field_and_no_case_is_made()
    {
        var clerk = await app.SignedInAsync("intake");
        var before = await app.WithDbAsync(db => db.Complaints.CountAsync());
        var body = JsonSerializer.Serialize(new
        {
            channel = "Online",
            complainant = new { name = "赵先生", phone = "18600002222" },
            description = new string('长', 100_000),
        });

        var response = await PostJsonAsync(clerk, body, "en");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await ProblemAsync(response)).GetProperty("errors").GetProperty("description")[0].GetString();
        Assert.Contains("4,000", message, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Complaints.CountAsync()));
    }

    [Fact]
    public async Task An_undefined_severity_on_assessment_is_refused_naming_the_field()
    {
        // The case page's selects offer only defined values; a caller of the workflow is checked at its door.
        var actions = new AppActions(app.Services);
        var complaint = await actions.RegisterAsync();
        var clerk = await actions.UserAsync("intake");
        var category = await app.WithDbAsync(db => db.Categories.Where(c => c.Code == CategoryCatalog.Repair).Select(c => c.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<ComplaintWorkflow>().ExecuteAsync(complaint.Id, complaint.Version,
            WorkflowAction.Assess, new() { CategoryId = category, Severity = (Severity)99, Urgency = (Urgency)(-1) }, clerk);

        Assert.Equal(WorkflowError.InputRefused, result.Error);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        try
        {
            var expected = string.Format(new CultureInfo("zh-Hans"), InText("Input_NotDefined", "zh-Hans"), CaseText.ResourceManager.GetString("Field_Severity", new CultureInfo("zh-Hans")));
            Assert.Equal(expected, CaseLabels.Error(result));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        Assert.Null(await app.WithDbAsync(db => db.Complaints.Where(c => c.Id == complaint.Id).Select(c => c.Severity).SingleAsync()));
    }

    [Fact]
    public async Task An_oversized_form_value_answers_413_naming_the_limit_not_a_missing_token()
    {
        var client = app.CreatePortalClient();
        var page = await client.GetStringAsync("/account/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(page),
            ["_handler"] = "login",
            ["Input.UserName"] = new string('x', 5 * 1024 * 1024),
            ["Input.Password"] = "x",
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = form };
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.AcceptLanguage.ParseAdd("en");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("4,194,304", html, StringComparison.Ordinal);
        Assert.DoesNotContain("antiforgery", html, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string body, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static string InText(string key, string culture) => InputText.ResourceManager.GetString(key, new CultureInfo(culture))!;

    public sealed class App : PortalAppFactory;
}
