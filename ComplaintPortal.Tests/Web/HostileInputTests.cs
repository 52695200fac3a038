using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplaintPortal.Domain.Cases;
using ComplaintPortal.Tests.Infrastructure;
using ComplaintPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ComplaintPortal.Tests.Web;

/// <summary>
/// The hostile-input corpus (<see cref="HostileCorpus"/>) through the real pipeline, to everything reachable
/// over HTTP: the intake JSON API (every text field, wrong types, broken bodies), sign-in, return addresses,
/// the language switch, and the query strings and addresses of the pages. Never a 500; a refusal names the
/// field; a refused registration leaves no case behind. Each test gathers every failure before it asserts,
/// so one run lists them all.
/// </summary>
public sealed class HostileInputTests : IClassFixture<HostileInputTests.App>
{
    private static readonly (string Path, Func<Complaint, string?> Stored)[] IntakeTextFields =
    [
        (ComplaintIntake.Fields.Name, c => c.Complainant.Name),
        (ComplaintIntake.Fields.Phone, c => c.Complainant.Phone),
        (ComplaintIntake.Fields.Email, c => c.Complainant.Email),
        (ComplaintIntake.Fields.Address, c => c.Complainant.Address),
        (ComplaintIntake.Fields.ProductModel, c => c.Subject.ProductModel),
        (ComplaintIntake.Fields.Location, c => c.Subject.Location),
        (ComplaintIntake.Fields.Description, c => c.Description),
        (ComplaintIntake.Fields.CustomerRequest, c => c.CustomerRequest),
    ];

    private readonly App app;

    public HostileInputTests(App app) => this.app = app;

    [Fact]
    public async Task Intake_api_keeps_or_refuses_by_name_every_corpus_value_in_every_text_field()
    {
        var clerk = await app.SignedInAsync("intake");
        var clerkId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "intake").Select(u => u.Id).SingleAsync());
        var failures = new List<string>();
        foreach (var (field, stored) in IntakeTextFields)
        {
            foreach (var (name, value) in HostileCorpus.Texts)
            {
                var body = Baseline();
                Set(body, field, JsonValue.Create(Placeholder));
                var key = Guid.NewGuid().ToString("N");
                var json = body.ToJsonString().Replace("\"" + Placeholder + "\"", Quote(value), StringComparison.Ordinal);
                var response = await PostAsync(clerk, json, "application/json", key);
                var saved = await app.WithDbAsync(db => db.Complaints.AsNoTracking().Where(c => c.IdempotencyKey == $"api:{clerkId}:{key}").ToListAsync());
                var what = $"{field} = {name}: {(int)response.StatusCode}";
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    // Kept: whole (surrounding blanks aside), never cut.
                    if (saved.Count != 1 || stored(saved[0]) != (string.IsNullOrWhiteSpace(value) ? stored(saved[0]) : value.Trim()))
                    {
                        failures.Add(what + " stored something else");
                    }
                }
                else if (response.StatusCode != HttpStatusCode.BadRequest || !(await ErrorFieldsAsync(response)).Contains(field) || saved.Count != 0)
                {
                    failures.Add(what + " " + string.Join(",", await ErrorFieldsAsync(response)) + $" stored {saved.Count}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    public static TheoryData<string, string> WrongValues() => new()
    {
        { "channel", "99" },
        { "channel", "-1" },
        { "channel", "\"99\"" },
        { "channel", "\"Online,Hotline\"" },
        { "channel", "\"Bogus\"" },
        { "channel", "{}" },
        { "receivedAt", "\"0001-01-01T00:00:00Z\"" },
        { "receivedAt", "\"1900-01-01T00:00:00+08:00\"" },
        { "receivedAt", "\"9999-12-31T23:59:59Z\"" },
        { "receivedAt", "\"yesterday\"" },
        { "receivedAt", "12345" },
        { "confirmedWithCaller", "\"yes\"" },
        { "confirmedWithCaller", "1e400" },
        { "complainant", "\"王小明\"" },
        { "complainant", "[]" },
        { "complainant.name", "42" },
        { "complainant.name", "[\"a\"]" },
        { "description", "{\"$ref\": \"#\"}" },
        { "description", "null" },
        { "subject", "[1,2,3]" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public async Task Intake_api_refuses_a_wrong_value_naming_its_field_and_stores_nothing(string field, string json)
    {
        var body = Baseline();
        Set(body, field, JsonNode.Parse(json));
        var before = await CountAsync();

        var response = await PostAsync(await app.SignedInAsync("intake"), body.ToJsonString(), "application/json", Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(field, await ErrorFieldsAsync(response));
        Assert.Equal(before, await CountAsync());
    }

    public static TheoryData<string> BrokenBodies() => new(BrokenBody.All.Keys);

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task Intake_api_answers_a_broken_body_with_a_problem_document_and_stores_nothing(string name)
    {
        var (bytes, contentType) = BrokenBody.All[name];
        var before = await CountAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await (await app.SignedInAsync("intake")).SendAsync(request);

        Assert.True((int)response.StatusCode is 400 or 413 or 415, $"{name}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Sign_in_form_takes_every_corpus_value_as_user_name_and_password_without_an_error_or_a_session()
    {
        var failures = new List<string>();
        foreach (var (name, value) in HostileCorpus.Texts)
        {
            var client = app.CreatePortalClient();
            var token = PortalClient.AntiforgeryToken(await client.GetStringAsync("/account/login"));
            var response = await client.PostAsync("/account/login", HostileCorpus.FormBody(
            [
                new("_handler", "login"), new("__RequestVerificationToken", token), new("Input.UserName", value), new("Input.Password", value),
            ]));
            var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
            var status = (int)response.StatusCode;
            // The form again with its message, the lockout page, or a plain 400 for a value the form reader refuses (NUL).
            var fine = status is 200 or 400 || (status == 302 && response.Headers.Location?.AbsolutePath == "/account/lockout");
            if (!fine || cookies.Any(c => c.StartsWith("cp.auth=", StringComparison.Ordinal) && !c.StartsWith("cp.auth=;", StringComparison.Ordinal)))
            {
                failures.Add($"{name}: {status} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Every_corpus_return_address_leads_back_into_the_portal_after_sign_in()
    {
        var failures = new List<string>();
        foreach (var (name, value) in HostileCorpus.Texts.Where(t => t.Value.Length < 5000))
        {
            var path = "/account/login?ReturnUrl=" + HostileCorpus.Encode(value);
            var client = app.CreatePortalClient();
            var page = await client.GetAsync(path);
            if (page.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{name}: the sign-in page answered {(int)page.StatusCode}");
                continue;
            }

            var response = await client.PostAsync(path, HostileCorpus.FormBody(
            [
                new("_handler", "login"), new("__RequestVerificationToken", PortalClient.AntiforgeryToken(await page.Content.ReadAsStringAsync())),
                new("Input.UserName", "leader"), new("Input.Password", DemoAccounts.Password),
            ]));
            if (response.StatusCode != HttpStatusCode.Redirect || !IsLocal(response.Headers.Location))
            {
                failures.Add($"{name}: {(int)response.StatusCode} {response.Headers.Location?.OriginalString}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Language_switch_takes_every_corpus_value_without_an_error_or_leaving_the_site()
    {
        var client = app.CreatePortalClient();
        var failures = new List<string>();
        foreach (var (name, value) in HostileCorpus.Texts.Where(t => t.Value.Length < 5000))
        {
            foreach (var query in new[] { $"culture={HostileCorpus.Encode(value)}&returnUrl=/", $"culture=zh-Hans&returnUrl={HostileCorpus.Encode(value)}" })
            {
                var response = await client.GetAsync("/culture/set?" + query);
                var fine = response.StatusCode == HttpStatusCode.BadRequest
                    || (response.StatusCode == HttpStatusCode.Redirect && IsLocal(response.Headers.Location));
                if (!fine)
                {
                    failures.Add($"{name} ({query[..7]}): {(int)response.StatusCode} {response.Headers.Location?.OriginalString}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Page_addresses_and_query_strings_never_answer_an_error()
    {
        var leader = await app.SignedInAsync("leader");
        var failures = new List<string>();
        foreach (var (name, value) in HostileCorpus.Texts.Where(t => t.Value.Length < 5000).Append(("number-out-of-range", "99999999999")))
        {
            var v = HostileCorpus.Encode(value);
            string[] paths =
            [
                $"/cases/search?q={v}",
                $"/board?dept={v}&stage={v}&priority={v}&due={v}&sort={v}&page={v}&wall={v}",
                $"/board/export.xlsx?dept={v}&stage={v}&priority={v}&sort={v}",
                $"/reports/timeliness?period={v}&year={v}&number={v}&department={v}",
                $"/reports/statistics?period={v}&year={v}&number={v}",
                $"/cases/{v}",
                $"/cases/{v}/evidence/{v}",
                $"/supervision/notices?status={v}",
                $"/?returnUrl={v}",
            ];
            foreach (var path in paths)
            {
                HttpResponseMessage response;
                try
                {
                    response = await leader.GetAsync(path);
                }
                catch (InvalidOperationException) when (value.Contains('\0', StringComparison.Ordinal))
                {
                    // The test server will not even build a request whose path holds NUL (Kestrel answers 400).
                    continue;
                }

                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{name}: {path[..Math.Min(40, path.Length)]} answered {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private const string Placeholder = "@@hostile@@";

    /// <summary>A JSON string literal escaping everything outside printable ASCII, so even a lone surrogate is sent as it is.</summary>
    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is >= ' ' and <= '~' and not ('"' or '\\'))
            {
                text.Append(c);
            }
            else
            {
                text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>A path on this site, or an absolute address of this site itself (the sign-in page writes those).</summary>
    private static bool IsLocal(Uri? location) =>
        location is not null && (location.IsAbsoluteUri
            ? location.Scheme == Uri.UriSchemeHttps && location.Host == "localhost" && location.IsDefaultPort
            : location.OriginalString.StartsWith('/') && !location.OriginalString.StartsWith("//", StringComparison.Ordinal)
                && !location.OriginalString.StartsWith("/\\", StringComparison.Ordinal));

    private static JsonObject Baseline() => new()
    {
        ["channel"] = "Hotline",
        ["complainant"] = new JsonObject { ["name"] = "王小明", ["phone"] = "13812345678", ["email"] = "wang@example.cn" },
        ["subject"] = new JsonObject { ["productModel"] = "XP-200" },
        ["description"] = "电水壶使用两周后底座漏电",
        ["customerRequest"] = "更换新品",
        ["confirmedWithCaller"] = true,
    };

    /// <summary>Puts a value at a dotted path (<c>complainant.name</c>) of the record.</summary>
    private static void Set(JsonObject body, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = body;
        foreach (var part in parts[..^1])
        {
            node = (JsonObject)node[part]!;
        }

        node[parts[^1]] = value;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string contentType, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<IReadOnlyList<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("errors", out var errors)
                ? errors.EnumerateObject().Select(p => p.Name.StartsWith("$.", StringComparison.Ordinal) ? p.Name[2..] : p.Name).ToList()
                : [];
        }
        catch (JsonException)
        {
            return ["(not a problem document: " + text[..Math.Min(80, text.Length)] + ")"];
        }
    }

    private Task<int> CountAsync() => app.WithDbAsync(db => db.Complaints.CountAsync());

    private static class BrokenBody
    {
        public static readonly Dictionary<string, (byte[] Bytes, string ContentType)> All = new(StringComparer.Ordinal)
        {
            ["invalid-utf8"] = ([.. "{\"channel\":\"Hotline\",\"description\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8], "application/json"),
            ["utf16-as-json"] = (Encoding.Unicode.GetBytes("{\"channel\":\"Hotline\"}"), "application/json"),
            ["deep-arrays"] = (Encoding.ASCII.GetBytes(new string('[', 100_000)), "application/json"),
            ["deep-objects"] = (Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 5_000))), "application/json"),
            ["over-1mb"] = (Encoding.ASCII.GetBytes("{\"description\":\"" + new string('x', 2 * 1024 * 1024) + "\"}"), "application/json"),
            ["empty"] = ([], "application/json"),
            ["json-null"] = ("null"u8.ToArray(), "application/json"),
            ["json-array"] = ("[]"u8.ToArray(), "application/json"),
            ["json-string"] = ("\"complaint\""u8.ToArray(), "application/json"),
            ["trailing-garbage"] = ("{\"channel\":\"Hotline\"} DROP TABLE"u8.ToArray(), "application/json"),
            ["text-plain"] = ("{\"channel\":\"Hotline\"}"u8.ToArray(), "text/plain"),
            ["form"] = ("channel=Hotline&description=x"u8.ToArray(), "application/x-www-form-urlencoded"),
            ["multipart"] = ("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"../../x.exe\"\r\n\r\nMZ\r\n--b--\r\n"u8.ToArray(), "multipart/form-data; boundary=b"),
            ["xml"] = ("<complaint><channel>Hotline</channel></complaint>"u8.ToArray(), "application/xml"),
        };
    }

    public sealed class App : PortalAppFactory;
}
