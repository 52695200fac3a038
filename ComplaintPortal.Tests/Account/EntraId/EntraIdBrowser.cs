using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace ComplaintPortal.Tests.Account.EntraId;

/// <summary>
/// A browser whose cookies the test can see and tamper with (the framework client's cookie container
/// hides them), walking the sign-in: portal → identity provider → callback.
/// </summary>
public sealed class EntraIdBrowser(EntraIdApp app) : IDisposable
{
    public const string CorrelationCookiePrefix = ".AspNetCore.Correlation.";

    private readonly HttpClient client = app.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = false,
    });

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public bool HasSession => Cookies.ContainsKey("cp.auth");

    public string CorrelationCookie => Cookies.Keys.Single(k => k.StartsWith(CorrelationCookiePrefix, StringComparison.Ordinal));

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => c.Key + "=" + c.Value)));
        }

        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';')[0];
                var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
                var value = pair[(name.Length + 1)..];
                var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
                if (expired || value.Length == 0)
                {
                    Cookies.Remove(name);
                }
                else
                {
                    Cookies[name] = value;
                }
            }
        }

        return response;
    }

    /// <summary>Opens the portal's Entra ID sign-in; returns the identity provider's authorize address it redirects to.</summary>
    public async Task<Uri> StartSignInAsync(string returnUrl = "/")
    {
        var response = await GetAsync("/account/sign-in/entra?returnUrl=" + Uri.EscapeDataString(returnUrl));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.Host != FakeEntraIdentityProvider.Host)
        {
            throw new InvalidOperationException($"Sign-in start answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        return response.Headers.Location;
    }

    /// <summary>What the provider sends the browser back with: the redirect URI with code and the unchanged state.</summary>
    public static string CallbackFor(Uri authorizeUrl, string code, string? state = null)
    {
        ArgumentNullException.ThrowIfNull(authorizeUrl);
        var query = QueryHelpers.ParseQuery(authorizeUrl.Query);
        var redirect = new Uri(query["redirect_uri"].ToString());
        return QueryHelpers.AddQueryString(redirect.PathAndQuery, new Dictionary<string, string?>
        {
            ["code"] = code,
            ["state"] = state ?? query["state"].ToString(),
        });
    }

    /// <summary>The whole round trip for a user with these claims; returns the callback's answer.</summary>
    public async Task<HttpResponseMessage> SignInAsync(IEnumerable<Claim> claims, string returnUrl = "/")
    {
        var authorize = await StartSignInAsync(returnUrl);
        var code = app.IdentityProvider.IssueCode(authorize, claims);
        return await GetAsync(CallbackFor(authorize, code));
    }

    /// <summary>The redirect target as an absolute address (the portal writes local redirects as paths).</summary>
    public static Uri Target(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}");
        return location.IsAbsoluteUri ? location : new Uri(new Uri("https://localhost"), location);
    }

    public void Dispose() => client.Dispose();
}
