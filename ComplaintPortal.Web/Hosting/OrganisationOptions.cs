namespace ComplaintPortal.Web.Hosting;

/// <summary>Bound from the <c>Organisation</c> configuration section.</summary>
public sealed class OrganisationOptions
{
    public const string SectionName = "Organisation";

    /// <summary>IANA time zone in which dates and times are shown. Data is always stored in UTC.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Shown in the page title and header.</summary>
    public string Name { get; set; } = "";
}
