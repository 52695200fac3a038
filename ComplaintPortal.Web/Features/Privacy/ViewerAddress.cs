namespace ComplaintPortal.Web.Features.Privacy;

/// <summary>
/// The network address a person is looking from, for the personal-data view log: the request's client address
/// (behind the proxy, the forwarded one). In a circuit this is the address of its connection, when the host
/// still knows it; otherwise null ("unknown" in the log).
/// </summary>
public static class ViewerAddress
{
    public static string? Of(HttpContext? http) => http?.Connection.RemoteIpAddress?.ToString();

    public static string? Of(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return Of(services.GetService<IHttpContextAccessor>()?.HttpContext);
    }
}

/// <summary>Which file requests are a new look at personal data.</summary>
public static class PersonalDataRequests
{
    /// <summary>
    /// A range request that does not start at the first byte continues a look already logged (a browser's audio
    /// player or PDF viewer fetching the rest of the file).
    /// </summary>
    public static bool IsContinuation(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var range = request.Headers.Range.ToString();
        return range.Length > 0 && !range.Replace(" ", "", StringComparison.Ordinal).StartsWith("bytes=0-", StringComparison.OrdinalIgnoreCase);
    }
}
