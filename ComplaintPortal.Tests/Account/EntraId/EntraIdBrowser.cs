using System.Net;
using System.Security.Claims;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace ComplaintPortal.Tests.Account.EntraId;

/// <summary>
/// A browser whose cookies the test can see and tamper with (the framework client's cookie container
/// hides them), walking the sign-in: portal → local authority → form post back to the portal.
/// </summary>
public sealed class EntraIdBrowser(EntraIdApp app) : IDisposable
{
    public const string CorrelationCookiePrefix = ".AspNetCore.Correlation.";
    public const string NonceCookiePrefix = ".AspNetCore.OpenIdConnect.Nonce.";

    private readonly HttpClient client = app.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = false,
    });

    private readonly HttpClient authority = new(app.Authority.CreateTrustingHandler());

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public bool HasSession => Cookies.ContainsKey("cp.auth");

    public string CorrelationCookie => Cookies.Keys.Single(k => k.StartsWith(CorrelationCookiePrefix, StringComparison.Ordinal));

    public string NonceCookie => Cookies.Keys.Single(k => k.StartsWith(NonceCookiePrefix, StringComparison.Ordinal));

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

    /// <summary>Opens the portal's Entra ID sign-in; returns the authority's authorize address it redirects to.</summary>
    public async Task<Uri> StartSignInAsync(string returnUrl = "/")
    {
        var response = await GetAsync("/account/sign-in/entra?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var location = response.Headers.Location;
        if (response.StatusCode != HttpStatusCode.Redirect || location is null
            || location.GetLeftPart(UriPartial.Path) != app.Authority.AuthorizeEndpoint.AbsoluteUri)
        {
            throw new InvalidOperationException($"Sign-in start answered {(int)response.StatusCode} {location}");
        }

        return location;
    }

    /// <summary>
    /// The person signs in at the authority, which answers the authorize request the way Entra ID does
    /// with response_mode=form_post: a page that posts the code and the state back to the portal.
    /// </summary>
    public async Task<ProviderAnswer> SignInAtAuthorityAsync(Uri authorizeUrl, IEnumerable<Claim> claims, bool signWithUnpublishedKey = false)
    {
        ArgumentNullException.ThrowIfNull(authorizeUrl);
        var hint = app.Authority.SignInAs(claims, signWithUnpublishedKey);
        var response = await authority.GetAsync(QueryHelpers.AddQueryString(authorizeUrl.AbsoluteUri, "login_hint", hint));
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The authority answered {(int)response.StatusCode}: {html}");
        }

        using var document = new HtmlParser().ParseDocument(html);
        var form = document.Forms.Single();
        return new ProviderAnswer(
            new Uri(form.Action),
            form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "", StringComparer.Ordinal));
    }

    /// <summary>The browser submits the authority's form to the portal's callback (fields as given, so tests can tamper).</summary>
    public Task<HttpResponseMessage> PostToPortalAsync(ProviderAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, answer.Action.PathAndQuery) { Content = new FormUrlEncodedContent(answer.Fields) });
    }

    /// <summary>The whole round trip for a person with these claims; returns the portal callback's answer.</summary>
    public async Task<HttpResponseMessage> SignInAsync(IEnumerable<Claim> claims, string returnUrl = "/")
    {
        var authorize = await StartSignInAsync(returnUrl);
        return await PostToPortalAsync(await SignInAtAuthorityAsync(authorize, claims));
    }

    /// <summary>The redirect target as an absolute address (the portal writes local redirects as paths).</summary>
    public static Uri Target(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}");
        return location.IsAbsoluteUri ? location : new Uri(new Uri("https://localhost"), location);
    }

    public void Dispose()
    {
        client.Dispose();
        authority.Dispose();
    }
}

/// <summary>What the authority's page posts back: the portal's callback address and the hidden fields (code, state).</summary>
public sealed record ProviderAnswer(Uri Action, Dictionary<string, string> Fields);
