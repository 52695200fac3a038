using System.Net;
using ComplaintPortal.Tests.Infrastructure;

namespace ComplaintPortal.Tests.Web.Cases;

/// <summary>Case-page conveniences over <see cref="PortalClient"/>: register through the form, act through the action endpoint.</summary>
internal static class CaseHttp
{
    public static Dictionary<string, string> IntakeFields(string key) => new()
    {
        ["Input.Key"] = key,
        ["Input.Name"] = "王小明",
        ["Input.Phone"] = "13812345678",
        ["Input.Email"] = "wang@example.cn",
        ["Input.Channel"] = "Hotline",
        ["Input.ProductModel"] = "XP-200",
        ["Input.Description"] = "电水壶底座漏电",
        ["Input.CustomerRequest"] = "更换",
        ["Input.Confirmed"] = "true",
    };

    /// <summary>Posts the intake form and returns the new case's number from the redirect.</summary>
    public static async Task<string> RegisterAsync(HttpClient clerk, string key)
    {
        var response = await clerk.PostFormAsync("/cases/new", "intake", IntakeFields(key));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var path = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
        Assert.StartsWith("/cases/KS-", path, StringComparison.Ordinal);
        return Uri.UnescapeDataString(path["/cases/".Length..path.IndexOf('?', StringComparison.Ordinal)]);
    }

    /// <summary>Opens the case page (for its token and version) and posts one action; returns the redirect target.</summary>
    public static async Task<string> ActAsync(HttpClient client, string number, string action, Dictionary<string, string>? fields = null, int? version = null)
    {
        var page = await client.GetStringAsync("/cases/" + number);
        var form = new Dictionary<string, string>(fields ?? [])
        {
            ["action"] = action,
            ["version"] = (version ?? VersionOn(page)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = PortalClient.AntiforgeryToken(page),
        };
        var response = await client.PostAsync($"/cases/{number}/act", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    public static int VersionOn(string page)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, "name=\"version\" value=\"(\\d+)\"");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
