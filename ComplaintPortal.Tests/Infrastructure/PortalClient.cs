using System.Net;
using System.Text.RegularExpressions;
using ComplaintPortal.Web.Hosting;

namespace ComplaintPortal.Tests.Infrastructure;

/// <summary>Signs in and posts forms the way a browser does: antiforgery token from the page, cookies kept.</summary>
public static partial class PortalClient
{
    public static async Task<HttpClient> SignedInAsync(this PortalAppFactory factory, string userName, string password = DemoAccounts.Password)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreatePortalClient();
        var response = await client.PostFormAsync("/account/login", "login", new()
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        // Success redirects to the home page; a lockout redirects too, but to the lockout page.
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.AbsolutePath != "/")
        {
            throw new InvalidOperationException($"Sign-in as {userName} answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        return client;
    }

    /// <summary>GETs the page, takes its antiforgery token, and posts the named form with the given fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, string formName, Dictionary<string, string> fields, bool includeAntiforgery = true)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var form = new Dictionary<string, string>(fields) { ["_handler"] = formName };
        if (includeAntiforgery)
        {
            var page = await client.GetStringAsync(path);
            form["__RequestVerificationToken"] = AntiforgeryToken(page);
        }

        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the page");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
